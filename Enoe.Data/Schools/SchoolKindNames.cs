namespace Enoe.Data.Schools;

public static class SchoolKindNames
{
    public static string French(this SchoolKind kind) => kind switch
    {
        SchoolKind.College => "Collège",
        SchoolKind.Lycee => "Lycée",
        SchoolKind.LyceeProfessionnel => "Lycée professionnel",
        _ => kind.ToString(),
    };
}
