using System.Diagnostics;

namespace Enoe.Tests.Support.TestDirectory;

public sealed partial class SlapdServer
{
    private const string FolderPrefix = "enoe-slapd-";

    /// <summary>In each folder: the test process that made it, "pid start-ticks".</summary>
    private const string OwnerFile = "owner";

    /// <summary>
    /// Folders whose test process is gone (killed, so nothing disposed): their slapd killed, the folder deleted.
    /// Those of a run still going (in another worktree) are left alone.
    /// </summary>
    private static void RemoveStaleFolders()
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(folder, OwnerFile);
                if (File.Exists(owner) && PostgreSqlServer.Running(File.ReadAllText(owner).Trim()))
                    continue;
                if (
                    !File.Exists(owner)
                    && System.IO.Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddHours(-1)
                )
                    continue; // being made right now
                var pidFile = Path.Combine(folder, "slapd.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
                    PostgreSqlServer.Alive(pid, p => p.ProcessName == "slapd" && Kill(p));
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"A stale test slapd folder {folder} was not cleaned up: {e.Message}");
            }
        }
    }

    private static bool Kill(Process process)
    {
        process.Kill();
        process.WaitForExit();
        return true;
    }
}
