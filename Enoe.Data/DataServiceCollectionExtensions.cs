using Enoe.Data.Dashboards;
using Enoe.Data.Database;
using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enoe.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database (a SQLite file in <paramref name="dataDirectory"/>) and the services over it.</summary>
    public static IServiceCollection AddEnoeData(this IServiceCollection services, string dataDirectory, Action<Storage.StorageOptions>? storage = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = $"Data Source={Path.Combine(dataDirectory, "enoe.db")}";
        // Interceptors registered in DI (the tests' command counter, diagnostics) join every context.
        services.AddDbContextFactory<EnoeDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<DatabaseInitializer>();
        services.AddTransient<DemoSeeder>(); // holds one run's state
        services.AddSingleton<SchoolDirectory>();
        services.AddSingleton<WorkspaceService>();
        services.AddSingleton<Family.FamilyService>();
        services.AddSingleton<ArticleService>();
        // Dashboards need the widget rules (IWidgetRules), which Enoe.Widgets registers from its catalogue.
        services.AddSingleton<DefaultLayoutService>();
        services.AddSingleton<LayoutService>();
        services.AddSingleton<SchoolNetwork.SchoolNetworkService>();
        services.AddSingleton<Resources.DigitalResourceService>();
        services.AddSingleton<SchoolServiceSwitches>();
        services.AddSingleton<SchoolSettingsService>();
        services.TryAddSingleton<Events.IEventBus, Events.InProcessEventBus>();
        services.AddSingleton<Logbook.LogbookService>();
        services.AddOptions<Storage.StorageOptions>().Configure(o =>
        {
            storage?.Invoke(o);
            if (string.IsNullOrEmpty(o.Root)) o.Root = Path.Combine(dataDirectory, "files");
        });
        services.AddSingleton<Storage.FileStore>();
        services.AddSingleton<Assignments.AssignmentService>();
        services.AddSingleton<Storage.IFileReadRule, Assignments.AssignmentFileRule>();
        services.AddSingleton<Storage.IFileReadRule, Logbook.LogbookFileRule>();
        services.AddSingleton<Documents.DocumentService>();
        services.AddSingleton<Memos.MemoService>();
        services.AddSingleton<Bookings.BookingService>();
        services.AddSingleton<Grades.GradeService>();
        services.AddSingleton<Skills.SkillService>();
        services.AddSingleton<Storage.IFileReadRule, Memos.MemoFileRule>();
        services.AddSingleton<Storage.IFileReadRule, Documents.DocumentFileRule>();
        return services;
    }
}
