using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Enoe.Widgets.News;
using Enoe.Widgets.Resources;
using Enoe.Widgets.SchoolNetwork;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets;

/// <summary>
/// Each ENT service registers its navigation entries and its widgets here, in its own <c>AddXxx()</c>.
/// A new widget: a folder per service, a component taking a <see cref="WidgetContext"/>, one
/// <c>AddWidget</c> line below.
/// </summary>
public static class WidgetsServiceCollectionExtensions
{
    public static IServiceCollection AddEnoeWidgets(this IServiceCollection services)
    {
        services.AddScoped<UserSession>();
        services.AddScoped<BrowserPreferences>();
        services.AddSingleton<NavigationCatalog>();
        services.AddSingleton<WidgetCatalog>();
        services.AddSingleton<IWidgetRules>(sp => sp.GetRequiredService<WidgetCatalog>());
        return services.AddDashboard().AddFamily().AddPublicSite().AddSchoolNetwork().AddDigitalResources().AddLogbook().AddDocuments().AddMemos().AddBookings().AddGrades();
    }

    public static IServiceCollection AddDashboard(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Dashboard", "/tableau-de-bord", Icons.Material.Outlined.Dashboard,
            EntService.Dashboard, Profile.Everyone, Order: 0))
        .AddNavigationEntry(new("Nav_DefaultLayouts", "/gestion/pages-par-defaut", Icons.Material.Outlined.DashboardCustomize,
            EntService.Dashboard, Policies.Profiles[Policies.LayoutAdmin], Order: 980));

    public static IServiceCollection AddPublicSite(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_SiteArticles", "/gestion/articles", Icons.Material.Outlined.Public,
            EntService.PublicSite, Policies.Profiles[Policies.SiteEditor], Order: 900))
        .AddWidget(new("news", "Widget_News", Icons.Material.Outlined.Newspaper, EntService.PublicSite, Profile.Everyone,
            DefaultSize: new(4, 3), MinSize: new(3, 2), Component: typeof(NewsWidget),
            SettingsType: typeof(NewsSettings), SettingsValidator: typeof(NewsSettingsValidator), PhoneOrder: 60));

    public static IServiceCollection AddSchoolNetwork(this IServiceCollection services) => services
        .AddWidget(new("school-network", "Widget_Network", Icons.Material.Outlined.Groups, EntService.Dashboard, Profile.Everyone & ~Profile.AcademyAdmin,
            DefaultSize: new(4, 4), MinSize: new(3, 2), Component: typeof(NetworkWidget), PhoneOrder: 90));

    public static IServiceCollection AddLogbook(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Logbook", "/carnet-de-bord", Icons.Material.Outlined.MenuBook, EntService.Logbook,
            Profile.Everyone & ~Profile.AcademyAdmin, Order: 100))
        .AddWidget(new("my-logbook", "Widget_MyLogbook", Icons.Material.Outlined.MenuBook, EntService.Logbook,
            Profile.Student | Profile.Parent | Profile.Teacher, DefaultSize: new(4, 4), MinSize: new(3, 3), Component: typeof(Logbook.MyLogbookWidget), FullPageRoute: "/carnet-de-bord", PhoneOrder: 20));

    public static IServiceCollection AddMemos(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Memos", "/memos", Icons.Material.Outlined.Mail, EntService.Memos,
            Profile.Everyone & ~Profile.AcademyAdmin, Order: 50, Badge: typeof(Memos.UnreadMemosBadge)))
        .AddWidget(new("memos", "Widget_Memos", Icons.Material.Outlined.Mail, EntService.Memos, Profile.Everyone & ~Profile.AcademyAdmin,
            DefaultSize: new(4, 3), MinSize: new(3, 2), Component: typeof(Memos.MemosWidget), FullPageRoute: "/memos", PhoneOrder: 10));

    public static IServiceCollection AddGrades(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Grades", "/notes", Icons.Material.Outlined.Grading, EntService.Grades,
            Profile.Student | Profile.Parent | Profile.Teacher, Order: 150))
        .AddNavigationEntry(new("Nav_Skills", "/competences", Icons.Material.Outlined.Insights, EntService.Skills,
            Profile.Student | Profile.Parent | Profile.Teacher, Order: 160))
        .AddWidget(new("latest-marks", "Widget_LatestMarks", Icons.Material.Outlined.Grading, EntService.Grades,
            Profile.Student | Profile.Parent, DefaultSize: new(4, 3), MinSize: new(3, 2), Component: typeof(Grades.LatestMarksWidget), FullPageRoute: "/notes", PhoneOrder: 30))
        .AddWidget(new("skills", "Widget_Skills", Icons.Material.Outlined.Insights, EntService.Skills,
            Profile.Student | Profile.Parent, DefaultSize: new(4, 3), MinSize: new(3, 3), Component: typeof(Grades.SkillsProgressWidget), FullPageRoute: "/competences", PhoneOrder: 60));

    public static IServiceCollection AddBookings(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Bookings", "/reservations", Icons.Material.Outlined.EventAvailable, EntService.Bookings,
            Profile.Personnel | Profile.Student, Order: 300))
        .AddWidget(new("my-bookings", "Widget_MyBookings", Icons.Material.Outlined.EventAvailable, EntService.Bookings,
            Profile.Personnel, DefaultSize: new(4, 3), MinSize: new(3, 2), Component: typeof(Bookings.MyBookingsWidget), FullPageRoute: "/reservations", PhoneOrder: 50))
        .AddWidget(new("quick-booking", "Widget_QuickBooking", Icons.Material.Outlined.MeetingRoom, EntService.Bookings,
            Profile.Personnel, DefaultSize: new(4, 4), MinSize: new(3, 3), Component: typeof(Bookings.QuickBookingWidget), FullPageRoute: "/reservations", PhoneOrder: 60));

    public static IServiceCollection AddDocuments(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Documents", "/documents", Icons.Material.Outlined.Folder, EntService.Documents,
            Profile.Everyone & ~Profile.AcademyAdmin, Order: 200))
        .AddNavigationEntry(new("Nav_Assignments", "/devoirs", Icons.Material.Outlined.AssignmentTurnedIn, EntService.Documents,
            Profile.Student | Profile.Parent | Profile.Teacher, Order: 210))
        .AddWidget(new("assignments-due", "Widget_AssignmentsDue", Icons.Material.Outlined.AssignmentTurnedIn, EntService.Documents,
            Profile.Student | Profile.Parent, DefaultSize: new(4, 3), MinSize: new(3, 2), Component: typeof(Assignments.AssignmentsDueWidget), FullPageRoute: "/devoirs", PhoneOrder: 40))
        .AddWidget(new("copies-to-mark", "Widget_CopiesToMark", Icons.Material.Outlined.FactCheck, EntService.Documents,
            Profile.Teacher, DefaultSize: new(4, 3), MinSize: new(3, 2), Component: typeof(Assignments.CopiesToMarkWidget), FullPageRoute: "/devoirs", PhoneOrder: 40));

    public static IServiceCollection AddFamily(this IServiceCollection services) => services
        .AddWidget(new("family", "Widget_Family", Icons.Material.Outlined.FamilyRestroom, EntService.Dashboard, Profile.Parent,
            DefaultSize: new(4, 3), MinSize: new(3, 2), Component: typeof(Family.FamilyWidget), PhoneOrder: 5));

    public static IServiceCollection AddDigitalResources(this IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Resources", "/gestion/ressources", Icons.Material.Outlined.LibraryBooks,
            EntService.Resources, Policies.Profiles[Policies.LayoutAdmin], Order: 970))
        .AddWidget(new("resources", "Widget_Resources", Icons.Material.Outlined.LibraryBooks, EntService.Resources, Profile.Everyone,
            DefaultSize: new(4, 4), MinSize: new(3, 2), Component: typeof(ResourcesWidget), PhoneOrder: 90));
}
