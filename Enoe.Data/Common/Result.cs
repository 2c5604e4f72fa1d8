namespace Enoe.Data.Common;

/// <summary>
/// The outcome of a write: either done, or refused with messages for the user, in their language.
/// Services return it rather than throwing, so the UI can show the reason and keep what was typed.
/// </summary>
public record Result(IReadOnlyList<string> Errors, ResultKind Kind)
{
    public bool Succeeded => Errors.Count == 0;

    public static Result Ok() => new([], ResultKind.Ok);
    public static Result Invalid(IEnumerable<string> errors) => new([.. errors], ResultKind.Invalid);
    public static Result Forbidden(string? message = null) => new([message ?? CommonMessages.Forbidden], ResultKind.Forbidden);
    public static Result NotFound(string? message = null) => new([message ?? CommonMessages.NotFound], ResultKind.NotFound);
    public static Result Conflict(string message) => new([message], ResultKind.Conflict);
}

public sealed record Result<T>(T? Value, IReadOnlyList<string> Errors, ResultKind Kind) : Result(Errors, Kind)
{
    public static Result<T> Ok(T value) => new(value, [], ResultKind.Ok);
    public static Result<T> From(Result failure) => new(default, failure.Errors, failure.Kind);
    /// <summary>Refused because someone else changed it first: <paramref name="current"/> is their version, to show beside the caller's.</summary>
    public static Result<T> Conflict(T current, string message) => new(current, [message], ResultKind.Conflict);
}

public enum ResultKind
{
    Ok,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}
