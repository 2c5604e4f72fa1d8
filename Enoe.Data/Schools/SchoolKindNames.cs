namespace Enoe.Data.Schools;

public static class SchoolKindNames
{
    /// <summary>The kind of établissement in the reader's language.</summary>
    public static string Of(SchoolKind kind) =>
        kind switch
        {
            SchoolKind.College => SchoolMessages.Kind_College,
            SchoolKind.Lycee => SchoolMessages.Kind_Lycee,
            SchoolKind.LyceeProfessionnel => SchoolMessages.Kind_LyceeProfessionnel,
            SchoolKind.Erea => SchoolMessages.Kind_Erea,
            _ => kind.ToString(),
        };
}
