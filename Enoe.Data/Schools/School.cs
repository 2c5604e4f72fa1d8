namespace Enoe.Data.Schools;

public enum SchoolKind
{
    College = 1,
    Lycee = 2,
    LyceeProfessionnel = 3,

    /// <summary>Établissement régional d'enseignement adapté.</summary>
    Erea = 4,
}

/// <summary>
/// The server that runs the établissement's pedagogical network (the slides' last table counts them).
/// </summary>
public enum PedagogicalNetwork
{
    None = 0,
    Scribe = 1,
    AurigePhp = 2,
    Windows = 3,
}

/// <summary>An établissement (EPLE), identified by its UAI code and reachable at <c>/{Slug}</c>.</summary>
public sealed class School
{
    public int Id { get; set; }
    public int AcademyId { get; set; }
    public Academy? Academy { get; set; }

    /// <summary>Unité administrative immatriculée: 7 digits and a check letter, e.g. 0250007R.</summary>
    public required string Uai { get; set; }
    public required string Name { get; set; }
    public SchoolKind Kind { get; set; }

    /// <summary>The public site's address segment, unique across the académie.</summary>
    public required string Slug { get; set; }
    public string? City { get; set; }
    public string? PostalAddress { get; set; }

    /// <summary>The switchboard families call, written the French way ("03 81 47 25 10").</summary>
    public string? Phone { get; set; }

    /// <summary>The établissement's official mailbox (ce.{uai}@ac-….fr).</summary>
    public string? Email { get; set; }
    public string? Presentation { get; set; }

    public SchoolBranding Branding { get; set; } = new();

    /// <summary>
    /// Whether the ENT is reachable from outside the school's networks (through the SAS). When false, every service
    /// is as if listed in <see cref="InsideOnlyServices"/>.
    /// </summary>
    public bool ExternalAccess { get; set; } = true;

    /// <summary>
    /// The school's own networks, as CIDR ranges separated by spaces (<c>10.25.7.0/24 2001:db8:25::/48</c>):
    /// a request from one of them is "inside" for the external-access policy.
    /// </summary>
    public string? InsideNetworks { get; set; }

    public PedagogicalNetwork Network { get; set; }

    /// <summary>When the académie archived it: kept for its history, gone from lists, figures and sign-in.</summary>
    public DateTime? ArchivedAt { get; set; }

    /// <summary>The services the académie switched off here; every other service runs.</summary>
    public List<ClosedService> ClosedServices { get; set; } = [];

    /// <summary>The services that run here but answer only requests from <see cref="InsideNetworks"/>.</summary>
    public List<InsideOnlyService> InsideOnlyServices { get; set; } = [];

    /// <summary>Warn a teacher setting homework when the class already has this many pieces due that day.</summary>
    public int HomeworkWarningThreshold { get; set; } = 3;

    /// <summary>Who may write mémos to whom here (staff and admins always reach everyone).</summary>
    public Memos.MemoRules MemoRules { get; set; } = Memos.MemoRules.Default;
}

/// <summary>What makes the établissement's pages its own: a colour and a logo.</summary>
public sealed class SchoolBranding
{
    /// <summary>CSS colour, e.g. <c>#1e5aa8</c>.</summary>
    public string PrimaryColor { get; set; } = "#1e5aa8";

    /// <summary>A path under the app (e.g. <c>/img/logo-enoe.svg</c>) or null for the default.</summary>
    public string? LogoPath { get; set; }
}
