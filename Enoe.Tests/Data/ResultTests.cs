using Enoe.Data.Common;

namespace Enoe.Tests.Data;

public sealed class ResultTests
{
    private static Result<int> Refuse() => Result.Forbidden("non");

    [Fact]
    public void ARefusal_BecomesAResultOfAnyValue_WithItsKindAndMessages()
    {
        var result = Refuse();
        Assert.Equal(
            (false, ResultKind.Forbidden, "non", 0),
            (result.Succeeded, result.Kind, result.Errors.Single(), result.Value)
        );
    }

    [Fact]
    public void AFailedResult_PassesItsRefusalOn_ButASuccessIsNotARefusal()
    {
        Result<string> passedOn = Refuse().Failure;
        Assert.Equal((ResultKind.Forbidden, "non"), (passedOn.Kind, passedOn.Errors.Single()));
        Assert.Throws<InvalidOperationException>(() => Result<int>.Ok(1).Failure);
    }
}
