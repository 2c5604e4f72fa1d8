using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enoe.Tests.Data.Caching;

/// <summary>
/// The two établissements' fixture for the cache's tests, on the machine's clock: the cache dates its entries and
/// invalidations by it (under the tests' frozen clock, a value made after an invalidation would look as old as it and
/// be read again every time). StaffB is the rectorat: an académie admin, signed in outside any établissement.
/// </summary>
internal static class CachedAcademy
{
    public static async Task<(TestDatabase Database, TwoSchools F, CurrentUser Rectorat)> CreateAsync(
        Action<IServiceCollection>? configure = null
    )
    {
        var database = await TestDatabase.CreateAsync(configure: s =>
        {
            s.AddSingleton(TimeProvider.System);
            AcademyConsole.AddAccounts(s);
            configure?.Invoke(s);
        });
        var f = await TwoSchools.CreateAsync(database);
        return (database, f, await AcademyConsole.AcademyAdminAsync(database, f.StaffB));
    }

    /// <summary>
    /// A bus standing in for the one between instances (Redis in production), delivering after the call.
    /// </summary>
    public static InProcessEventBus NewBus() => new(NullLogger<InProcessEventBus>.Instance);
}
