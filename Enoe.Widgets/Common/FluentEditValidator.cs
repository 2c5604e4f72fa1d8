using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Enoe.Widgets.Common;

/// <summary>
/// The service's FluentValidation validator inside an <see cref="EditForm"/>, for the statically rendered
/// forms where MudBlazor's inputs cannot run (no circuit): on submit, each <c>ValidationMessage</c> shows the
/// message the service writes for its field. The service still validates before writing.
/// </summary>
public sealed class FluentEditValidator<T> : ComponentBase, IDisposable
{
    [CascadingParameter]
    private EditContext EditContext { get; set; } = default!;

    [Parameter, EditorRequired]
    public IValidator<T> Validator { get; set; } = default!;

    private ValidationMessageStore? _messages;

    protected override void OnInitialized()
    {
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += Validate;
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        foreach (var failure in Validator.Validate((T)EditContext.Model).Errors)
            _messages.Add(EditContext.Field(failure.PropertyName), failure.ErrorMessage);
        EditContext.NotifyValidationStateChanged();
    }

    public void Dispose() => EditContext.OnValidationRequested -= Validate;
}
