using CsvHelper;

namespace Enoe.Data.Schools;

public sealed partial class SchoolCsv
{
    public static string CodeOf(SchoolKind kind) =>
        kind switch
        {
            SchoolKind.College => "college",
            SchoolKind.Lycee => "lycee",
            SchoolKind.LyceeProfessionnel => "lycee-professionnel",
            SchoolKind.Erea => "erea",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    public static SchoolKind? KindOf(string code) =>
        Enum.GetValues<SchoolKind>()
            .Cast<SchoolKind?>()
            .FirstOrDefault(k => CodeOf(k!.Value) == code.ToLowerInvariant());

    public static string CodeOf(PedagogicalNetwork network) =>
        network == PedagogicalNetwork.None ? "" : network.ToString().ToLowerInvariant();

    public static PedagogicalNetwork? NetworkOf(string code) =>
        Enum.GetValues<PedagogicalNetwork>()
            .Cast<PedagogicalNetwork?>()
            .FirstOrDefault(n => CodeOf(n!.Value) == code.ToLowerInvariant());

    /// <summary>What the command line says when the file it was given is not there.</summary>
    public static string Missing(string path) => SchoolMessages.FormatCsv_Missing(path);

    /// <summary>The file's column for a field (<c>nom</c>, <c>services</c>…).</summary>
    public static string ColumnOf(ImportField field) => Columns[(int)field + 1];

    public static string CodeOf(bool externalAccess) => externalAccess ? "oui" : "non";

    /// <summary>The running services' codes, in the modules' order, comma-separated as the file has them.</summary>
    public string CodesOf(IReadOnlySet<EntService> running) =>
        string.Join(',', _codes.Where(c => running.Contains(c.Service)).Select(c => c.Code));

    /// <summary>
    /// The file an import reads back unchanged, with a byte order mark (spreadsheets then read the accents as UTF-8);
    /// a cell that a spreadsheet would run as a formula gets a quote in front (the import takes it off).
    /// </summary>
    public byte[] Write(IEnumerable<SchoolCsvLine> schools)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = ';',
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
        };
        using (var writer = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            writer.WriteHeader(Columns);
            foreach (var s in schools)
                writer.WriteRecord([
                    s.Uai,
                    s.Name,
                    CodeOf(s.Kind),
                    s.City ?? "",
                    CodeOf(s.Network),
                    CodesOf(s.Running),
                    CodeOf(s.ExternalAccess),
                ]);
        }
        return stream.ToArray();
    }
}
