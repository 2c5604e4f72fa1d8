using Enoe.Data.PublicSite;

namespace Enoe.Widgets.Common;

/// <summary>
/// The largest message a browser may send its circuit. SignalR refuses a larger one by dropping the
/// connection, which the person never sees: a 40 KB article or a 20,000-character mémo used to
/// vanish that way under the default 32 KB. A text field travels whole in one message (its change
/// or input event, a draft read back), so the bound follows the longest field any form allows, at
/// the worst cost of one of its characters on the wire.
/// </summary>
public static class TextLimits
{
    /// <summary>The longest text a form accepts (an article's Markdown); no form field may allow more.</summary>
    public const int LongestField = ArticleDraftValidator.BodyMax;

    /// <summary>
    /// A UTF-16 character inside the JSON of an event: 1 byte for ASCII, 2 for é or a quote or line
    /// break (escaped), 3 for ’ « — …, and at worst 6 for a control character or a lone surrogate
    /// (<c>\u001f</c>). French text usually costs 1 to 2; the bound takes the worst.
    /// </summary>
    public const int WorstBytesPerCharacter = 6;

    /// <summary>
    /// A change or input event carries the field's text twice: as the event's value, and as the
    /// field's value Blazor keeps for two-way binding (measured: 10,002 bytes of text, a 20,166-byte frame).
    /// </summary>
    public const int CopiesPerEvent = 2;

    /// <summary>The rest of the message: the event's description, the invocation around it.</summary>
    public const int Envelope = 64 * 1024;

    /// <summary>1,265,536 bytes (about 1.2 MiB): anything a form lets through reaches the server.</summary>
    public const long MaximumReceiveMessageSize =
        (long)LongestField * WorstBytesPerCharacter * CopiesPerEvent + Envelope;
}
