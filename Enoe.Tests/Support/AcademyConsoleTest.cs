using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Tests.Support;

/// <summary>A data test of the académie's console: the two schools' fixture, and an académie admin (StaffB).</summary>
public abstract class AcademyConsoleTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;
    protected TwoSchools F { get; private set; } = default!;
    protected CurrentUser Admin { get; private set; } = default!;
    protected SchoolAdministration Schools => Database.Get<SchoolAdministration>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(configure: AcademyConsole.AddAccounts);
        F = await TwoSchools.CreateAsync(Database);
        Admin = await AcademyConsole.AcademyAdminAsync(Database, F.StaffB);
    }

    public Task DisposeAsync() => Database.DisposeAsync().AsTask();
}
