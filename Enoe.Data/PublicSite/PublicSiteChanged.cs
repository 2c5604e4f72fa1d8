namespace Enoe.Data.PublicSite;

/// <summary>
/// Published once an article of an établissement is written or deleted: every instance drops the public pages it
/// keeps of that établissement (the app's output cache), so readers see the change at their next page.
/// </summary>
public sealed record PublicSiteChanged(int SchoolId);
