using Enoe.Data.People;

namespace Enoe.Tests.Support;

/// <summary>
/// A data test on a database of its own holding the <see cref="TwoSchools"/> fixture; <see cref="As"/> signs a
/// person in at their (only) établissement.
/// </summary>
public abstract class TwoSchoolsTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;
    protected TwoSchools F { get; private set; } = default!;
    protected DateTime Now => Database.Clock.GetUtcNow().UtcDateTime;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        F = await TwoSchools.CreateAsync(Database);
    }

    public Task DisposeAsync() => Database.DisposeAsync().AsTask();

    protected CurrentUser As(Person p) => TwoSchools.As(p, p == F.StaffB ? F.B : F.A);
}
