using Enoe.Data.Schools;

namespace Enoe.App.Components.Academy;

/// <summary>The console's words for stored values, in the reader's language.</summary>
public static class SchoolsNames
{
    public static string Of(PedagogicalNetwork network) =>
        network switch
        {
            PedagogicalNetwork.Scribe => "Scribe",
            PedagogicalNetwork.AurigePhp => "AurigePHP",
            PedagogicalNetwork.Windows => "Windows",
            _ => SchoolsText.Network_None,
        };

    public static string Of(ImportField field) =>
        field switch
        {
            ImportField.Name => SchoolsText.Field_Name,
            ImportField.Kind => SchoolsText.Field_Kind,
            ImportField.City => SchoolsText.Field_City,
            ImportField.Network => SchoolsText.Field_Network,
            ImportField.Services => SchoolsText.Field_Services,
            _ => SchoolsText.Field_External,
        };

    public static string Of(ImportOutcome outcome) =>
        outcome switch
        {
            ImportOutcome.Created => SchoolsText.Import_Created,
            ImportOutcome.Updated => SchoolsText.Import_Updated,
            _ => SchoolsText.Import_Unchanged,
        };
}
