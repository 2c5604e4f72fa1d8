using Enoe.Data.People;
using FluentValidation;

namespace Enoe.Data.UsefulLinks;

/// <summary>A link as the form edits it; <see cref="Id"/> 0 for a new one.</summary>
public sealed class UsefulLinkDraft
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "https://";
    public Profile Audience { get; set; } = Profile.Everyone;
}

/// <summary>The one check of a link, run by the form as the admin types and by the service before writing.</summary>
public sealed class UsefulLinkDraftValidator : AbstractValidator<UsefulLinkDraft>
{
    public UsefulLinkDraftValidator()
    {
        RuleFor(l => l.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage(_ => UsefulLinksMessages.Title_Required)
            .MaximumLength(UsefulLink.TitleMax)
            .WithMessage(_ => UsefulLinksMessages.FormatTitle_Max(UsefulLink.TitleMax));
        // Only web addresses: a javascript: or data: link would run in the reader's session.
        RuleFor(l => l.Url)
            .Must(IsWebAddress)
            .WithMessage(_ => UsefulLinksMessages.Url_Invalid)
            .MaximumLength(UsefulLink.UrlMax)
            .WithMessage(_ => UsefulLinksMessages.FormatUrl_Max(UsefulLink.UrlMax));
        RuleFor(l => l.Audience)
            .Must(a => (a & Profile.Everyone & ~Profile.AcademyAdmin) != 0)
            .WithMessage(_ => UsefulLinksMessages.Audience_Required);
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
