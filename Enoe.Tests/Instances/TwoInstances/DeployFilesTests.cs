using System.Diagnostics;
using Enoe.Tests.Support;

namespace Enoe.Tests.Instances.TwoInstances;

/// <summary>
/// The deployment files of <c>deploy/</c> as an administrator installs them, not only as the test uses them.
/// </summary>
public sealed class DeployFilesTests
{
    [Fact]
    public async Task TheNginxConfiguration_WithItsTls_PassesNginxsOwnCheck()
    {
        var check = Process.Start(
            new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "deploy", "check-nginx.sh"))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }
        )!;
        var errors = check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();

        Assert.True(check.ExitCode == 0, await errors);
        Assert.Contains("test is successful", await errors);
    }

    [Theory]
    [InlineData("enoe@.service", "Enoe__Database__MigrateOnStart=false")]
    [InlineData("enoe-migrate.service", "Enoe.App.dll --migrate")]
    [InlineData("enoe.env.example", "Enoe__Redis=")]
    public void TheUnitsAndEnvironment_SayWhatSeveralInstancesNeed(string file, string line)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", file));

        Assert.Contains(line, text);
    }
}
