using Enoe.Data.Common;
using Enoe.Data.Schools;

namespace Enoe.Tests.Data;

public sealed class UaiAndSlugTests
{
    [Theory]
    [InlineData("0750654", 'D')] // lycée Louis-le-Grand, Paris: 750654 = 23 × 32637 + 3
    [InlineData("0250001", 'R')] // 250001 = 23 × 10869 + 14 → the 15th letter without I, O, Q
    [InlineData("0000000", 'A')]
    [InlineData("0000022", 'Z')]
    public void CheckLetter_IsTheRemainderBy23_InTheUaiAlphabet(string digits, char expected) =>
        Assert.Equal(expected, Uai.CheckLetter(digits));

    [Theory]
    [InlineData("0250001R", true)]
    [InlineData("0250001r", true)]
    [InlineData("0250001A", false)]
    [InlineData("025001R", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_ChecksLengthDigitsAndKey(string? code, bool valid) => Assert.Equal(valid, Uai.IsValid(code));

    [Theory]
    [InlineData("Fête du collège !", "fete-du-college")]
    [InlineData("  Œuvres d'élèves : 3e B  ", "oeuvres-d-eleves-3e-b")]
    [InlineData("???", "")]
    public void Slugs_DropAccentsAndPunctuation(string title, string slug) => Assert.Equal(slug, Slugs.From(title));
}
