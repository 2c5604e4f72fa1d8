using System.Buffers.Binary;
using System.Text;

namespace Enoe.Bench.Circuits;

/// <summary>
/// What the bench reads from a render batch, without building a DOM: the reference frames (every element, text and
/// attribute the batch's edits insert or set), scanned flat. The binary layout is Blazor's out-of-process render
/// batch (Web.JS, OutOfProcessRenderBatch.ts): the last five int32 give the positions of the updated components,
/// reference frames, disposed components, disposed event handlers and the string table; each reference frame is
/// 20 bytes (type, then three type-specific fields), strings are LEB128-length-prefixed UTF-8.
/// </summary>
internal sealed class RenderBatchFrames
{
    private const int FrameLength = 20;
    private const int Element = 1,
        Text = 2,
        Attribute = 3,
        Component = 4,
        Region = 5;

    private readonly byte[] _data;
    private readonly int _frames,
        _count,
        _strings;

    public RenderBatchFrames(byte[] data)
    {
        _data = data;
        var frames = Int(data.Length - 16);
        _count = Int(frames);
        _frames = frames + 4;
        _strings = Int(data.Length - 4);
    }

    /// <summary>
    /// How many attributes of this name the batch sets (e.g. <c>data-widget</c>: one per widget card).
    /// </summary>
    public int CountAttributes(string name)
    {
        var count = 0;
        for (var i = 0; i < _count; i++)
            if (Type(i) == Attribute && String(Field(i, 4)) == name)
                count++;
        return count;
    }

    /// <summary>
    /// The buttons this batch inserts, by their text, with their <c>onclick</c> handler's id (a button re-rendered
    /// with the same method keeps its id, so the first one seen stays valid).
    /// </summary>
    public IEnumerable<(string Text, ulong OnClick)> Buttons()
    {
        for (var i = 0; i < _count; i++)
        {
            if (Type(i) != Element || String(Field(i, 8)) != "button")
                continue;
            var end = i + Math.Max(1, Field(i, 4));
            ulong onclick = 0;
            var text = new StringBuilder();
            for (var j = i + 1; j < end && j < _count; j++)
                if (Type(j) == Attribute && String(Field(j, 4)) == "onclick")
                    onclick = BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(Frame(j) + 12));
                else if (Type(j) == Text)
                    text.Append(String(Field(j, 4)));
            if (onclick != 0)
                yield return (text.ToString().Trim(), onclick);
        }
    }

    /// <summary>
    /// The <c>onchange</c> handlers of the elements this batch inserts (what <c>@bind</c> and MudBlazor's inputs
    /// listen to), in document order, with the element's <c>id</c> when it has one.
    /// </summary>
    public IEnumerable<(string? Id, ulong OnChange)> ChangeHandlers()
    {
        for (var i = 0; i < _count; i++)
        {
            if (Type(i) != Element)
                continue;
            (string? id, ulong onchange) = (null, 0);
            for (var j = i + 1; j < _count && Type(j) == Attribute; j++) // an element's attributes come first
                if (String(Field(j, 4)) is "id")
                    id = String(Field(j, 8));
                else if (String(Field(j, 4)) is "onchange")
                    onchange = Handler(j);
            if (onchange != 0)
                yield return (id, onchange);
        }
    }

    /// <summary>
    /// The handlers this batch gives to attributes of elements already shown (an attribute set on its own, outside any
    /// subtree the batch inserts), in order: a lambda is a new handler at each render of its component.
    /// </summary>
    public IEnumerable<ulong> ReplacedHandlers(string attribute)
    {
        for (var i = 0; i < _count; )
        {
            var type = Type(i);
            if (type == Attribute && String(Field(i, 4)) == attribute && Handler(i) != 0)
                yield return Handler(i);
            // An element, a component or a region is followed by its whole subtree.
            i += type is Element or Component or Region ? Math.Max(1, Field(i, 4)) : 1;
        }
    }

    /// <summary>The handlers this batch disposes, in the order the diff replaced or removed them.</summary>
    public IEnumerable<ulong> DisposedHandlers()
    {
        var at = Int(_data.Length - 8);
        for (var k = 0; k < Int(at); k++)
            yield return BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(at + 4 + k * 8));
    }

    private ulong Handler(int index) => BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(Frame(index) + 12));

    private int Frame(int index) => _frames + index * FrameLength;

    private int Type(int index) => Int(Frame(index));

    private int Field(int index, int offset) => Int(Frame(index) + offset);

    private int Int(int position) => BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(position));

    private string? String(int index)
    {
        if (index < 0)
            return null;
        var position = Int(_strings + index * 4);
        var (length, shift) = (0, 0);
        byte b;
        do
        {
            b = _data[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(_data, position, length);
    }

    /// <summary>
    /// Whether the batch carries this text anywhere (a mémo's subject reaching a list), byte for byte.
    /// </summary>
    public static bool Contains(byte[] data, byte[] utf8) => data.AsSpan().IndexOf(utf8) >= 0;
}
