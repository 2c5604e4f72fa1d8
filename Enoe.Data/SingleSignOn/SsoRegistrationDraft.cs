using Enoe.Data.Common;
using Enoe.Data.People;
using FluentValidation;

namespace Enoe.Data.SingleSignOn;

/// <summary>A registration as the académie's page edits it.</summary>
public sealed class SsoRegistrationDraft
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ServicePattern { get; set; } = "";
    public ServiceMatch Match { get; set; } = ServiceMatch.Prefix;
    public SsoProtocol Protocol { get; set; } = SsoProtocol.Cas;
    public ServiceUrlOptions UrlOptions { get; set; }

    /// <summary>The version the form was read at (<see cref="SsoRegistration.Version"/>).</summary>
    public int Version { get; set; }

    /// <summary>OpenID Connect only: the <c>client_id</c> the resource sends.</summary>
    public string? ClientId { get; set; }

    /// <summary>OpenID Connect only: its back-channel logout URI, if it has one.</summary>
    public string? LogoutUri { get; set; }
    public AttributeSet Attributes { get; set; }
    public string Released { get; set; } = "";
    public Profile Profiles { get; set; } = Profile.Student | Profile.Teacher;
    public string? LevelCodes { get; set; }
    public int? SchoolId { get; set; }
    public int? ResourceId { get; set; }
    public bool SingleLogout { get; set; } = true;

    public static SsoRegistrationDraft From(SsoRegistration r) =>
        new()
        {
            Id = r.Id,
            Name = r.Name,
            ServicePattern = r.ServicePattern,
            Match = r.Match,
            Protocol = r.Protocol,
            UrlOptions = r.UrlOptions,
            Version = r.Version,
            ClientId = r.ClientId,
            LogoutUri = r.LogoutUri,
            Attributes = r.Attributes,
            Released = r.Released,
            Profiles = r.Profiles,
            LevelCodes = r.LevelCodes,
            SchoolId = r.SchoolId,
            ResourceId = r.ResourceId,
            SingleLogout = r.SingleLogout,
        };
}

/// <summary>What a registration must be before it is written; the page shows the same messages while typing.</summary>
public sealed class SsoRegistrationDraftValidator : AbstractValidator<SsoRegistrationDraft>
{
    public SsoRegistrationDraftValidator()
    {
        RuleFor(d => d.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage(_ => SingleSignOnMessages.Name_Required)
            .MaximumLength(SsoRegistration.NameMax)
            .WithMessage(_ => SingleSignOnMessages.FormatName_Max(SsoRegistration.NameMax));
        // The address as it will be stored: normalised first, then checked (a prefix ends with '/', no '..').
        RuleFor(d => d.ServicePattern)
            .Must((d, p) => ServiceUrl.Normalize(p) is { } url && ServiceUrl.Refusal(url, d.Match) is null)
            .WithMessage(
                (d, p) =>
                    ServiceUrl.Normalize(p) is { } url
                        ? ServiceUrl.Refusal(url, d.Match) ?? ""
                        : SingleSignOnMessages.Pattern_Invalid
            );
        RuleFor(d => d.Match)
            .Equal(ServiceMatch.Exact)
            .When(d => d.Protocol == SsoProtocol.OpenIdConnect)
            .WithMessage(_ => SingleSignOnMessages.Redirect_Exact);
        RuleFor(d => d.ClientId)
            .NotEmpty()
            .When(d => d.Protocol == SsoProtocol.OpenIdConnect)
            .WithMessage(_ => SingleSignOnMessages.FormatClientId_Invalid(SsoRegistration.ClientIdMax));
        RuleFor(d => d.ClientId)
            .Matches("^[a-z0-9][a-z0-9._-]{2," + (SsoRegistration.ClientIdMax - 1) + "}$")
            .When(d => d.Protocol == SsoProtocol.OpenIdConnect)
            .WithMessage(_ => SingleSignOnMessages.FormatClientId_Invalid(SsoRegistration.ClientIdMax));
        RuleFor(d => d.LogoutUri)
            .Must(u => ServiceUrl.Normalize(u) is { } url && ServiceUrl.Refusal(url, ServiceMatch.Exact) is null)
            .When(d => d.Protocol == SsoProtocol.OpenIdConnect && !string.IsNullOrWhiteSpace(d.LogoutUri))
            .WithMessage(_ => SingleSignOnMessages.LogoutUri_Invalid);
        RuleFor(d => d.Profiles)
            .Must(p => (p & Profile.Everyone) != 0)
            .WithMessage(_ => SingleSignOnMessages.Profiles_Required);
        RuleFor(d => d.Released)
            .MaximumLength(SsoRegistration.ReleasedMax)
            .WithMessage(_ => SingleSignOnMessages.FormatReleased_Max(SsoRegistration.ReleasedMax))
            .Must((d, r) => Unknown(d).Length == 0)
            .WithMessage((d, _) => SingleSignOnMessages.FormatReleased_Unknown(string.Join(", ", Unknown(d))));
        RuleFor(d => d.LevelCodes)
            .MaximumLength(SsoRegistration.LevelCodesMax)
            .WithMessage(_ => SingleSignOnMessages.FormatLevels_Max(SsoRegistration.LevelCodesMax))
            .Matches(@"^\s*[\p{L}\p{N}]{1,10}(\s*,\s*[\p{L}\p{N}]{1,10})*\s*$")
            .When(d => !string.IsNullOrWhiteSpace(d.LevelCodes))
            .WithMessage(_ => SingleSignOnMessages.Levels_Invalid);
    }

    private static string[] Unknown(SsoRegistrationDraft d) =>
        [.. Names(d.Released).Where(n => !CasAttributes.Names[d.Attributes].Contains(n))];

    internal static string[] Names(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
