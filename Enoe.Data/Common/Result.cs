namespace Enoe.Data.Common;

/// <summary>
/// The outcome of a write: either done, or refused with messages for the user, in their language.
/// Services return it rather than throwing, so the UI can show the reason and keep what was typed.
/// </summary>
public record Result(IReadOnlyList<string> Errors, ResultKind Kind)
{
    public bool Succeeded => Errors.Count == 0;

    public static Result Ok() => new([], ResultKind.Ok);

    public static Refusal Invalid(IEnumerable<string> errors) => new([.. errors], ResultKind.Invalid);

    public static Refusal Forbidden(string? message = null) =>
        new([message ?? CommonMessages.Forbidden], ResultKind.Forbidden);

    public static Refusal NotFound(string? message = null) =>
        new([message ?? CommonMessages.NotFound], ResultKind.NotFound);

    public static Refusal Conflict(string message) => new([message], ResultKind.Conflict);

    /// <summary>
    /// This outcome as a refusal, to return from a method whose result carries a value (checked: it failed).
    /// </summary>
    public Refusal Failure =>
        Succeeded ? throw new InvalidOperationException("A success is not a refusal.") : new(Errors, Kind);
}

/// <summary>
/// A refused outcome. It converts implicitly to any <see cref="Result{T}"/>: a service returns
/// <c>Result.Forbidden()</c> whatever value it would have carried.
/// </summary>
public sealed record Refusal(IReadOnlyList<string> Errors, ResultKind Kind) : Result(Errors, Kind);

public sealed record Result<T>(T? Value, IReadOnlyList<string> Errors, ResultKind Kind) : Result(Errors, Kind)
{
    public static Result<T> Ok(T value) => new(value, [], ResultKind.Ok);

    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal.Errors, refusal.Kind);

    /// <summary>
    /// Refused because someone else changed it first: <paramref name="current"/> is their version, to show beside the
    /// caller's.
    /// </summary>
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
