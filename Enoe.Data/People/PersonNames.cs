using System.Globalization;

namespace Enoe.Data.People;

public static class PersonNames
{
    /// <summary>
    /// "RIVIÈRE François", the way class lists write a name. Upper-cased here, not in SQL: SQLite's
    /// UPPER knows only ASCII and would write "RIVIèRE". Usable in a query's final projection.
    /// </summary>
    public static string Listed(string lastName, string firstName) =>
        $"{lastName.ToUpper(CultureInfo.InvariantCulture)} {firstName}";
}
