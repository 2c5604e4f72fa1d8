namespace Enoe.Data.Structure;

/// <summary>A national year level (niveau): 6e to Tle. Shared by every établissement.</summary>
public sealed class Level
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>Order of the year through secondary school: 6e is 1, Tle is 7.</summary>
    public int Rank { get; set; }

    public static readonly Level[] National =
    [
        new()
        {
            Id = 1,
            Code = "6e",
            Name = "Sixième",
            Rank = 1,
        },
        new()
        {
            Id = 2,
            Code = "5e",
            Name = "Cinquième",
            Rank = 2,
        },
        new()
        {
            Id = 3,
            Code = "4e",
            Name = "Quatrième",
            Rank = 3,
        },
        new()
        {
            Id = 4,
            Code = "3e",
            Name = "Troisième",
            Rank = 4,
        },
        new()
        {
            Id = 5,
            Code = "2nde",
            Name = "Seconde",
            Rank = 5,
        },
        new()
        {
            Id = 6,
            Code = "1re",
            Name = "Première",
            Rank = 6,
        },
        new()
        {
            Id = 7,
            Code = "Tle",
            Name = "Terminale",
            Rank = 7,
        },
    ];
}
