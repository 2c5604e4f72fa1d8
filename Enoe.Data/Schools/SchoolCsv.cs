using CsvHelper;
using Enoe.Data.Modules;

namespace Enoe.Data.Schools;

/// <summary>One établissement as a line of the académie's CSV, its values read and checked.</summary>
public sealed record SchoolCsvLine(
    int Line,
    string Uai,
    string Name,
    SchoolKind Kind,
    string? City,
    PedagogicalNetwork Network,
    IReadOnlySet<EntService> Running,
    bool ExternalAccess
);

/// <summary>
/// The lines of a file, or, when one is bad, every bad line's reason (line numbers count the header).
/// </summary>
public sealed record SchoolCsvRead(IReadOnlyList<SchoolCsvLine> Lines, IReadOnlyList<string> Errors);

/// <summary>
/// The académie's CSV of établissements (<c>uai;nom;type;commune;reseau;services;acces_exterieur</c>, semicolons,
/// UTF-8 with or without a byte order mark), read and written with CsvHelper. <c>services</c> lists the services
/// running, by the code each service's module declares (<see cref="DataModule.FileCode"/>).
/// </summary>
public sealed partial class SchoolCsv
{
    public const string Header = "uai;nom;type;commune;reseau;services;acces_exterieur";
    private static readonly string[] Columns = Header.Split(';');

    private readonly IReadOnlyDictionary<string, EntService> _byCode;
    private readonly IReadOnlyList<(string Code, EntService Service)> _codes;

    public SchoolCsv(IEnumerable<DataModule> modules)
    {
        _codes =
        [
            .. modules
                .Where(m => m is { Service: not null, FileCode: not null })
                .Select(m => (m.FileCode!, m.Service!.Value))
                .DistinctBy(c => c.Item1),
        ];
        _byCode = _codes.ToDictionary(c => c.Code, c => c.Service, StringComparer.Ordinal);
    }

    /// <summary>The services the file speaks of; the others (useful links…) an import leaves as they are.</summary>
    public IEnumerable<EntService> Services => _codes.Select(c => c.Service);

    public SchoolCsvRead Read(byte[] file)
    {
        var errors = new SortedDictionary<long, string>();
        var options = Common.CsvCells.Options(line => errors[line] = SchoolMessages.Csv_Malformed);
        using var reader = CsvReader.Create(file, options);
        if (!reader.Read())
            return new([], [SchoolMessages.Csv_Empty]);
        var header = Common.CsvCells.Fields(reader);
        if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
            return new([], [SchoolMessages.FormatCsv_Header(string.Join(';', header))]);
        var lines = new List<SchoolCsvLine>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var number = reader.LineNumber;
            var fields = Common.CsvCells.Fields(reader);
            SchoolCsvLine? line = null;
            var reason =
                fields.Length != Columns.Length
                    ? SchoolMessages.FormatCsv_FieldCount(fields.Length)
                    : Parse((int)number, fields, out line) ?? Duplicate(line!, number, seen);
            if (reason is null)
                lines.Add(line!);
            else
                errors[number] = reason;
        }
        return new(lines, [.. errors.Select(e => SchoolMessages.FormatCsv_Line(e.Key, e.Value))]);
    }

    private static string? Duplicate(SchoolCsvLine line, long number, Dictionary<string, long> seen)
    {
        if (seen.TryGetValue(line.Uai, out var first))
            return SchoolMessages.FormatCsv_Duplicate(line.Uai, first);
        seen[line.Uai] = number;
        return null;
    }

    /// <summary>Why the line is refused, or null with the line read.</summary>
    private string? Parse(int number, string[] f, out SchoolCsvLine? line)
    {
        line = null;
        if (SchoolFormValidator.UaiProblem(f[0]) is { } uai)
            return uai;
        if (f[1].Length == 0)
            return SchoolMessages.School_NameRequired;
        if (f[1].Length > SchoolFormValidator.NameMax)
            return SchoolMessages.FormatSchool_NameTooLong(SchoolFormValidator.NameMax);
        if (KindOf(f[2]) is not { } kind)
            return SchoolMessages.FormatCsv_Kind(f[2]);
        if (f[3].Length > SchoolFormValidator.CityMax)
            return SchoolMessages.FormatSchool_CityTooLong(SchoolFormValidator.CityMax);
        if (NetworkOf(f[4]) is not { } network)
            return SchoolMessages.FormatCsv_Network(f[4]);
        var running = new HashSet<EntService>();
        foreach (var code in f[5].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (_byCode.TryGetValue(code.ToLowerInvariant(), out var service))
                running.Add(service);
            else
                return SchoolMessages.FormatCsv_Service(code, string.Join(", ", _codes.Select(c => c.Code)));
        if (f[6].ToLowerInvariant() is not ("oui" or "non"))
            return SchoolMessages.FormatCsv_External(f[6]);
        line = new SchoolCsvLine(
            number,
            f[0].ToUpperInvariant(),
            f[1],
            kind,
            f[3].Length == 0 ? null : f[3],
            network,
            running,
            f[6].Equals("oui", StringComparison.OrdinalIgnoreCase)
        );
        return null;
    }
}
