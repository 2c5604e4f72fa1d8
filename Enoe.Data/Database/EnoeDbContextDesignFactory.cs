using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enoe.Data.Database;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the app.</summary>
internal sealed class EnoeDbContextDesignFactory : IDesignTimeDbContextFactory<EnoeDbContext>
{
    public EnoeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EnoeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
