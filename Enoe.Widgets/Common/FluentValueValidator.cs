using FluentValidation;

namespace Enoe.Widgets.Common;

/// <summary>
/// A service's FluentValidation validator as MudBlazor's per-field check: give <see cref="Validation"/> to a
/// <c>MudForm</c> whose <c>Model</c> is the draft, and each field with a <c>For</c> shows, as soon as its value
/// changes, the very message the service returns when it refuses the draft. One validation path: the form
/// only shows it early; the service still validates before writing (a form can be bypassed).
/// </summary>
public sealed class FluentValueValidator<T>(IValidator<T> validator)
{
    /// <summary>The signature MudBlazor calls with the form's model and the field's property path.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validation =>
        (model, path) =>
            model is T draft ? MessagesAsync(draft, path[(path.LastIndexOf('.') + 1)..]) : Task.FromResult(None);

    /// <summary>
    /// For a field bound to something other than the draft's property (a picker's <c>TimeSpan?</c> for a
    /// <c>TimeOnly</c>): the messages of <paramref name="property"/> once the field has written its value.
    /// </summary>
    public Func<TValue?, Task<IEnumerable<string>>> Property<TValue>(Func<T> draft, string property) =>
        _ => MessagesAsync(draft(), property);

    /// <summary>The messages of one property of the draft (MudBlazor names it by its path: "_draft.Title").</summary>
    public async Task<IEnumerable<string>> MessagesAsync(T draft, string property)
    {
        var context = ValidationContext<T>.CreateWithOptions(draft, o => o.IncludeProperties(property));
        return (await validator.ValidateAsync(context)).Errors.Select(e => e.ErrorMessage);
    }

    private static readonly IEnumerable<string> None = [];
}
