using Enoe.Data.Common;
using Enoe.Data.Privacy;

namespace Enoe.App.Components.Privacy;

/// <summary>The access log's and exports' words in the reader's language.</summary>
public static class PrivacyLabels
{
    public static string Kind(PersonalDataKind kind) =>
        PrivacyText.ResourceManager.GetString($"Kind_{kind}", PrivacyText.Culture) ?? kind.ToString();

    /// <summary>"Professeur — Mathématiques", "Vie scolaire — CPE": the stored code worded, its data after.</summary>
    public static string Function(string stored)
    {
        var (code, detail) = ReaderFunctions.Parse(stored);
        var word = PrivacyText.ResourceManager.GetString($"Function_{code}", PrivacyText.Culture) ?? code;
        return detail.Length == 0 ? word : $"{word} — {detail}";
    }

    public static string When(DateTime utc) => SchoolTime.ToLocal(utc).ToString("g");

    public static string Status(ExportView x) =>
        x.Status switch
        {
            DataExportStatus.Queued => PrivacyText.Export_Queued,
            DataExportStatus.Running => PrivacyText.FormatExport_Running(x.Progress),
            DataExportStatus.Ready => PrivacyText.FormatExport_Ready(When(x.ExpiresAt ?? default)),
            DataExportStatus.Failed => PrivacyText.Export_Failed,
            _ => PrivacyText.Export_Expired,
        };
}
