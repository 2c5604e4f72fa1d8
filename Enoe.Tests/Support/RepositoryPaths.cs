namespace Enoe.Tests.Support;

public static class RepositoryPaths
{
    /// <summary>The repository's root (where Enoe.Blazor.sln is), found from the test assembly's folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Enoe.Blazor.sln")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("Enoe.Blazor.sln not found above " + AppContext.BaseDirectory);
    }
}
