namespace Enoe.Data.Directory;

/// <summary>The <c>Enoe:Directory</c> section: the académie's LDAP directory and how ENOE follows it.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Enoe:Directory";

    public LdapSettings Ldap { get; set; } = new();

    /// <summary>
    /// When the nightly sync runs: <c>HH:mm</c>, académie time (Europe/Paris); empty: on demand only.
    /// </summary>
    public string Schedule { get; set; } = "02:30";

    /// <summary>How long a person who left keeps a disabled account before it and their data are deleted.</summary>
    public TimeSpan DeletionDelay { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The largest share of directory accounts one run may take for gone (0.2: a fifth). Beyond it the read is taken
    /// for broken (an empty answer to a service account that lost its rights) and nobody is disabled.
    /// </summary>
    public double MaxGoneShare { get; set; } = 0.2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Ldap.Url);
}

/// <summary>Where the directory is and the service account that reads it (never a person's account).</summary>
public sealed class LdapSettings
{
    /// <summary><c>ldap://host:port</c> (or <c>ldaps://</c>).</summary>
    public string? Url { get; set; }
    public string? BindDn { get; set; }
    public string? BindPassword { get; set; }

    /// <summary>The directory's root, e.g. <c>ou=ac-besancon,ou=education,o=gouv,c=fr</c>.</summary>
    public string BaseDn { get; set; } = "";

    /// <summary>Where people are; defaults to <c>ou=personnes,</c> + <see cref="BaseDn"/>.</summary>
    public string? PeopleBaseDn { get; set; }

    /// <summary>Where établissements are; defaults to <c>ou=structures,</c> + <see cref="BaseDn"/>.</summary>
    public string? StructuresBaseDn { get; set; }

    /// <summary>Entries asked for per page (paged-results control): below the server's size limit.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>How long one request may take before the directory counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public string People => PeopleBaseDn ?? $"ou=personnes,{BaseDn}";
    public string Structures => StructuresBaseDn ?? $"ou=structures,{BaseDn}";
}
