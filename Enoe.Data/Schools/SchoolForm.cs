using FluentValidation;

namespace Enoe.Data.Schools;

/// <summary>What the académie writes about an établissement, on its page or through a line of the CSV import.</summary>
public sealed class SchoolForm
{
    public string Uai { get; set; } = "";
    public string Name { get; set; } = "";
    public SchoolKind Kind { get; set; } = SchoolKind.College;
    public string Slug { get; set; } = "";
    public string? City { get; set; }
    public PedagogicalNetwork Network { get; set; }
    public string PrimaryColor { get; set; } = new SchoolBranding().PrimaryColor;
    public string? LogoPath { get; set; }
    public bool ExternalAccess { get; set; } = true;
    public string? InsideNetworks { get; set; }

    /// <summary>
    /// On creation: the établissement's first admin, a local account (unless a directory is configured).
    /// </summary>
    public FirstAdmin? Admin { get; set; }

    public static SchoolForm From(School s) =>
        new()
        {
            Uai = s.Uai,
            Name = s.Name,
            Kind = s.Kind,
            Slug = s.Slug,
            City = s.City,
            Network = s.Network,
            PrimaryColor = s.Branding.PrimaryColor,
            LogoPath = s.Branding.LogoPath,
            ExternalAccess = s.ExternalAccess,
            InsideNetworks = s.InsideNetworks,
        };

    /// <summary>Writes the form onto <paramref name="s"/>, tidied (UAI upper-case, networks one per line).</summary>
    internal void ApplyTo(School s)
    {
        s.Uai = Uai.Trim().ToUpperInvariant();
        s.Name = Name.Trim();
        s.Kind = Kind;
        s.Slug = Slug.Trim();
        s.City = string.IsNullOrWhiteSpace(City) ? null : City.Trim();
        s.Network = Network;
        s.Branding.PrimaryColor = PrimaryColor.Trim().ToLowerInvariant();
        s.Branding.LogoPath = string.IsNullOrWhiteSpace(LogoPath) ? null : LogoPath.Trim();
        s.ExternalAccess = ExternalAccess;
        var networks = SchoolNetworks.Parse(InsideNetworks).Networks;
        s.InsideNetworks = networks.Count == 0 ? null : SchoolNetworks.Format(networks);
    }
}

/// <summary>
/// The first admin account of a new établissement: a name, and a login (made from the name when empty).
/// </summary>
public sealed class FirstAdmin
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Login { get; set; }
}

/// <summary>
/// The rules a form obeys by itself; what depends on the other établissements (UAI and slug taken) is checked by
/// <see cref="SchoolAdministration"/> before writing.
/// </summary>
public sealed class SchoolFormValidator : AbstractValidator<SchoolForm>
{
    public const int NameMax = 200,
        CityMax = 120;

    public SchoolFormValidator()
    {
        RuleFor(f => f.Uai).Must(v => UaiProblem(v) is null).WithMessage(f => UaiProblem(f.Uai)!);
        RuleFor(f => f.Name)
            .Must(v => !string.IsNullOrWhiteSpace(v))
            .WithMessage(_ => SchoolMessages.School_NameRequired)
            .Must(v => v.Trim().Length <= NameMax)
            .WithMessage(_ => SchoolMessages.FormatSchool_NameTooLong(NameMax));
        RuleFor(f => f.Kind).IsInEnum().WithMessage(_ => SchoolMessages.School_KindInvalid);
        RuleFor(f => f.Network).IsInEnum().WithMessage(_ => SchoolMessages.School_NetworkInvalid);
        RuleFor(f => f.City)
            .Must(v => (v?.Trim().Length ?? 0) <= CityMax)
            .WithMessage(_ => SchoolMessages.FormatSchool_CityTooLong(CityMax));
        RuleFor(f => f.Slug)
            .Must(v => SchoolSlugs.IsWellFormed(v.Trim()))
            .WithMessage(_ => SchoolMessages.School_SlugFormat)
            .Must(v => !SchoolSlugs.IsReserved(v.Trim()))
            .WithMessage(f => SchoolMessages.FormatSchool_SlugReserved(f.Slug.Trim()));
        RuleFor(f => f.PrimaryColor).Must(IsColor).WithMessage(_ => SchoolMessages.School_ColorFormat);
        RuleFor(f => f.LogoPath).Must(IsLogoPath).WithMessage(_ => SchoolMessages.School_LogoFormat);
        RuleFor(f => f.InsideNetworks)
            .Must(v => (v?.Length ?? 0) <= SchoolNetworks.TextMax)
            .WithMessage(_ => SchoolMessages.FormatSchool_NetworksTooLong(SchoolNetworks.TextMax))
            .Must(v => SchoolNetworks.Parse(v).Invalid.Count == 0)
            .WithMessage(f =>
                SchoolMessages.FormatSchool_NetworksInvalid(
                    string.Join(", ", SchoolNetworks.Parse(f.InsideNetworks).Invalid)
                )
            );
        RuleFor(f => f.Admin!).SetValidator(new FirstAdminValidator()).When(f => f.Admin is not null);
    }

    /// <summary>
    /// Why <paramref name="uai"/> is not a UAI (the check letter it needs, when only that is wrong), or null.
    /// </summary>
    public static string? UaiProblem(string? uai)
    {
        var u = (uai ?? "").Trim().ToUpperInvariant();
        if (u.Length != 8 || !u[..7].All(char.IsAsciiDigit) || !char.IsAsciiLetter(u[7]))
            return SchoolMessages.School_UaiFormat;
        return Uai.IsValid(u) ? null : SchoolMessages.FormatSchool_UaiCheckLetter(u, Uai.CheckLetter(u[..7]));
    }

    /// <summary><c>#rrggbb</c>: it goes into the pages' CSS as it is.</summary>
    private static bool IsColor(string? v) =>
        v?.Trim() is { Length: 7 } c && c[0] == '#' && c[1..].All(char.IsAsciiHexDigit);

    /// <summary>A path on the app itself (no other host, no scheme, nothing that leaves the path).</summary>
    private static bool IsLogoPath(string? v) =>
        string.IsNullOrWhiteSpace(v)
        || v.Trim() is { Length: <= 300 } p
            && p[0] == '/'
            && !p.StartsWith("//", StringComparison.Ordinal)
            && !p.Contains("..", StringComparison.Ordinal)
            && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.');
}

public sealed class FirstAdminValidator : AbstractValidator<FirstAdmin>
{
    public FirstAdminValidator()
    {
        RuleFor(a => a.FirstName)
            .Must(v => !string.IsNullOrWhiteSpace(v))
            .WithMessage(_ => People.PeopleMessages.Account_FirstNameRequired)
            .MaximumLength(100)
            .WithMessage(_ => People.PeopleMessages.FormatAccount_FirstNameTooLong(100));
        RuleFor(a => a.LastName)
            .Must(v => !string.IsNullOrWhiteSpace(v))
            .WithMessage(_ => People.PeopleMessages.Account_LastNameRequired)
            .MaximumLength(100)
            .WithMessage(_ => People.PeopleMessages.FormatAccount_LastNameTooLong(100));
        RuleFor(a => a.Login)
            .Must(v =>
                string.IsNullOrWhiteSpace(v)
                || v.Trim().Length <= 100
                    && v.Trim().All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_')
            )
            .WithMessage(_ => SchoolMessages.Admin_LoginFormat);
    }
}
