using Enoe.Data;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

public sealed class ProductionSeedingTests
{
    private sealed class ProductionApp : EnoeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Enoe:SeedDemo", null);
        }
    }

    [Fact]
    public async Task Production_NeverSeedsTheDemo_UnlessAsked()
    {
        await using var app = new ProductionApp();
        Assert.StartsWith("{\"status\":\"Healthy\"", await app.NewClient().GetStringAsync("/health"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        Assert.False(await db.Schools.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
    }
}
