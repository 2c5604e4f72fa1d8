using Enoe.Data.Storage;

namespace Enoe.Tests.Data;

/// <summary>Zip entries (a class's copies, a personal data export) never leave their folder, never repeat.</summary>
public sealed class FileNamesTests
{
    [Fact]
    public void ZipEntries_AreMadeSafeBeforeBeingNumbered()
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var entries = new[] { "a.pdf", "../a.pdf", "..\\a.pdf", "A.PDF", "..", "" }
            .Select(n => FileNames.UniqueEntry(n, used))
            .ToList();

        Assert.Equal(["a.pdf", ".._a.pdf", ".._a (2).pdf", "A (2).PDF", "_..", "_"], entries);
        Assert.All(entries, e => Assert.DoesNotContain('/', e));
        Assert.All(entries, e => Assert.DoesNotContain('\\', e));
    }
}
