using Enoe.App.AcademyDirectory;
using Enoe.Data.Directory;

namespace Enoe.App.Hosting;

public static class DirectoryHosting
{
    /// <summary>
    /// The académie directory's settings and its nightly sync (which does nothing while none is set).
    /// </summary>
    public static WebApplicationBuilder AddEnoeDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DirectoryOptions>(builder.Configuration.GetSection(DirectoryOptions.Section));
        builder.Services.AddHostedService<NightlySync>();
        return builder;
    }
}
