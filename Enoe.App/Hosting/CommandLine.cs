using Enoe.App.AcademyDirectory;
using Enoe.App.Schools;

namespace Enoe.App.Hosting;

/// <summary>
/// The deployment's commands (<c>--migrate</c>, <c>--sync-directory</c>, <c>--import-etablissements</c>,
/// <c>--oidc-rollover</c>): each runs
/// once instead of serving, then stops and disposes the host before the process ends. Disposing drains the event bus
/// and closes the Redis connection after its last command, so what the command announced (a service switched off,
/// a cache to forget) reaches the running instances rather than dying with the process.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// The command's exit code once it ran and the host is disposed; null when the arguments name no command (the
    /// instance serves).
    /// </summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, IReadOnlyList<string> args)
    {
        var seedDemo = args.Contains("--seed-demo");
        Func<Task<int>>? command = null;
        if (args.Contains(DataHosting.MigrateArgument)) // migrate (and seed, if asked), nothing else
            command = async () =>
            {
                await app.InitializeDatabaseAsync(seedDemo, migrate: true);
                return 0;
            };
        else if (args.Contains(SyncCommand.Argument)) // one sync of the académie's directory
            command = async () =>
            {
                await app.InitializeDatabaseAsync(seedDemo);
                return await SyncCommand.RunAsync(app.Services, args.Contains(SyncCommand.DryRunArgument), Console.Out);
            };
        else if (args.Contains(SchoolImportCommand.Argument)) // the académie's CSV of établissements
            command = async () =>
            {
                await app.InitializeDatabaseAsync(seedDemo);
                return await SchoolImportCommand.RunAsync(app.Services, args, Console.Out);
            };
        else if (args.Contains(SingleSignOn.OidcKeyRing.RolloverArgument)) // the OpenID Connect keys' next generation
            command = async () =>
            {
                await app.InitializeDatabaseAsync(seedDemo);
                return await app.Services.GetRequiredService<SingleSignOn.OidcKeyRing>().RolloverAsync(Console.Out);
            };
        if (command is null)
            return null;
        try
        {
            return await command();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
