using System.Security.Cryptography;
using Enoe.Data.Caching;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// ENOE as a CAS 3.0 server (<c>/cas/login</c>, <c>/cas/serviceValidate</c>, <c>/cas/p3/serviceValidate</c>): which
/// registered service a URL belongs to, who may reach it, its single-use tickets, and what single logout tells.
/// The endpoints (Enoe.App/SingleSignOn) only speak the protocol; every decision is taken here.
/// </summary>
public sealed partial class CasService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    EnoeCache cache,
    Schools.ServiceAccess access,
    Statistics.UsageCounter usage,
    TimeProvider clock
)
{
    /// <summary>How long a ticket waits for its validation: the specification allows at most five minutes.</summary>
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(30);

    private const string Tag = "sso:registrations";

    /// <summary>The CAS registration whose pattern <paramref name="service"/> matches (exact first, then the
    /// longest prefix), or null: an unregistered service is sent nowhere.</summary>
    public async Task<RegisteredService?> FindAsync(string? service, CancellationToken ct = default)
    {
        if (ServiceUrl.Normalize(service) is not { } url)
            return null;
        var matching = (await RegistrationsAsync(ct)).Where(r =>
            r.Protocol == SsoProtocol.Cas && ServiceUrl.Matches(url, r.Pattern, r.Match, r.UrlOptions)
        );
        return matching.FirstOrDefault(r => r.Match == ServiceMatch.Exact)
            ?? matching.Where(r => r.Match == ServiceMatch.Prefix).MaxBy(r => r.Pattern.Length);
    }

    /// <summary>
    /// A ticket for <paramref name="user"/> to <paramref name="service"/> when its registration lets them in, logged
    /// as a hand-off of their sign-in session <paramref name="sessionId"/>; else why not, in French.
    /// </summary>
    public async Task<CasLogin> LoginAsync(
        CurrentUser user,
        string service,
        bool newSignIn,
        Guid? sessionId,
        CancellationToken ct = default
    )
    {
        if (await FindAsync(service, ct) is not { } registration)
            return new CasLogin(null, SingleSignOnMessages.Unregistered);
        if (await RefusalAsync(user, registration, ct) is { } refusal)
            return new CasLogin(null, refusal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = new CasTicket
        {
            Id = "ST-" + Base64Url(RandomNumberGenerator.GetBytes(32)),
            RegistrationId = registration.Id,
            Service = ServiceUrl.Normalize(service)!,
            PersonId = user.PersonId,
            SchoolId = user.SchoolId,
            IssuedAt = now,
            ExpiresAt = now + TicketLifetime,
            FromNewSignIn = newSignIn,
        };
        db.Add(ticket);
        await HandOffAsync(db, user, registration, service.Trim(), ticket.Id, sessionId, ct);
        // Tickets never validated (the person closed the tab on the way): swept as new ones are issued.
        await db.Set<CasTicket>().Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(ct);
        return new CasLogin(WithTicket(service.Trim(), ticket.Id), null);
    }

    /// <summary>
    /// The service's server checks a ticket (<c>serviceValidate</c>): the ticket is deleted whatever the answer,
    /// so that it can serve once only, and one shown to the wrong service is burnt.
    /// </summary>
    public async Task<CasValidation> ValidateAsync(
        string? ticket,
        string? service,
        bool renew,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrEmpty(ticket) || string.IsNullOrEmpty(service))
            return CasValidation.Failure(CasCodes.InvalidRequest, "Les paramètres 'service' et 'ticket' sont requis.");
        if (!ticket.StartsWith("ST-", StringComparison.Ordinal) || ticket.Length > CasTicket.IdMax)
            return CasValidation.Failure(
                CasCodes.InvalidTicketSpec,
                "Ce ticket n'est pas un ticket de service (ST-…)."
            );
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Set<CasTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticket, ct);
        // Deleted before anything else is decided; if another validation deleted it first, it was used.
        if (found is null || await db.Set<CasTicket>().Where(t => t.Id == ticket).ExecuteDeleteAsync(ct) == 0)
            return CasValidation.Failure(CasCodes.InvalidTicket, $"Ticket {Shown(ticket)} inconnu ou déjà utilisé.");
        if (found.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
            return CasValidation.Failure(CasCodes.InvalidTicket, $"Ticket {Shown(ticket)} expiré.");
        if (ServiceUrl.Normalize(service) != found.Service)
            return CasValidation.Failure(
                CasCodes.InvalidService,
                $"Le ticket {Shown(ticket)} n'a pas été émis pour ce service ; il n'est plus valable."
            );
        if (renew && !found.FromNewSignIn)
            return CasValidation.Failure(
                CasCodes.InvalidTicket,
                $"Le ticket {Shown(ticket)} n'a pas été émis après une nouvelle saisie du mot de passe."
            );
        var registration = (await RegistrationsAsync(ct)).FirstOrDefault(r => r.Id == found.RegistrationId);
        var identity = registration is null
            ? null
            : await CasAttributes.ReadAsync(db, found.PersonId, found.SchoolId, registration, ct);
        return identity is null
            ? CasValidation.Failure(CasCodes.InvalidTicket, $"Ticket {Shown(ticket)} : ce compte n'est plus ouvert.")
            : new CasValidation(identity);
    }

    /// <summary>
    /// Why <paramref name="user"/> may not be handed to <paramref name="registration"/> now, or null. A hand-off is
    /// the Ressources académiques service at work: switched off, or inside-only and asked from outside the
    /// établissement, it refuses here as its widget and pages do; then the registration's own audience.
    /// </summary>
    public async Task<string?> RefusalAsync(CurrentUser user, RegisteredService registration, CancellationToken ct)
    {
        if (await access.RefusalAsync(user, Schools.EntService.DigitalResources, ct: ct) is { } closed)
            return closed.Errors[0];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AudienceRefusalAsync(db, user.PersonId, user.SchoolId, registration, ct);
    }

    /// <summary>
    /// Logs a hand-off (who, which service, when, in which sign-in session) and counts it in the académie's daily
    /// figures; <paramref name="ticketId"/> is CAS's, null for OpenID Connect.
    /// </summary>
    internal async Task HandOffAsync(
        EnoeDbContext db,
        CurrentUser user,
        RegisteredService registration,
        string service,
        string? ticketId,
        Guid? sessionId,
        CancellationToken ct,
        string? issuer = null
    )
    {
        db.Add(
            new SsoHandOff
            {
                PersonId = user.PersonId,
                RegistrationId = registration.Id,
                SchoolId = user.SchoolId,
                SessionId = sessionId,
                Service = service,
                TicketId = ticketId,
                Issuer = issuer,
                At = clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync(ct);
        if (user.SchoolId is int school)
            await usage.HandedOffAsync(school, ct);
    }

    /// <summary>
    /// Why the person may not reach <paramref name="registration"/>, or null: a profile it is open to,
    /// in the établissement they work in (the registration's, when it names one), and for students and parents a
    /// level it is open to. Read from the database, not the cookie.
    /// </summary>
    internal static async Task<string?> AudienceRefusalAsync(
        EnoeDbContext db,
        int me,
        int? schoolId,
        RegisteredService registration,
        CancellationToken ct
    )
    {
        var learners = Audiences.Learners(db, me);
        // One round trip: the membership's row, then a row per level of the learners they follow.
        var rows = await db
            .Memberships.Where(m => m.PersonId == me && m.SchoolId == schoolId)
            .Select(m => new
            {
                Member = true,
                m.Profiles,
                Level = (string?)null,
            })
            .Concat(
                db.Enrolments.Where(e => learners.Contains(e.StudentId) && e.SchoolClass!.SchoolId == schoolId)
                    .Select(e => new
                    {
                        Member = false,
                        Profiles = Profile.None,
                        Level = (string?)e.SchoolClass!.Level!.Code,
                    })
            )
            .ToListAsync(ct);
        var profiles = rows.Where(r => r.Member).Select(r => r.Profiles).FirstOrDefault();
        var open =
            (profiles & registration.Profiles) != 0
            && (registration.SchoolId is null || registration.SchoolId == schoolId)
            && (
                registration.Levels.Length == 0
                || (profiles & Profile.Personnel) != 0
                || rows.Any(r => r.Level is not null && registration.Levels.Contains(r.Level))
            );
        return open ? null : SingleSignOnMessages.FormatNotOpen(registration.Name);
    }

    internal async Task<RegisteredService[]> RegistrationsAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(
            "sso:registrations",
            async c =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(c);
                var rows = await db.Set<SsoRegistration>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(c);
                return rows.Select(RegisteredService.From).ToArray();
            },
            [Tag],
            ct
        );

    /// <summary>
    /// Call once a registration is written: every instance reads them again, and the catalogue's links (a resource
    /// registered for single sign-on is opened through ENOE).
    /// </summary>
    public Task ChangedAsync() => cache.InvalidateAsync(Tag, DigitalResources.ResourceCatalogue.AcademyTag);

    /// <summary>The service URL with <c>ticket=</c> added to its query (before a fragment, if any).</summary>
    internal static string WithTicket(string service, string ticket)
    {
        var hash = service.IndexOf('#');
        var (url, fragment) = hash < 0 ? (service, "") : (service[..hash], service[hash..]);
        return $"{url}{(url.Contains('?') ? '&' : '?')}ticket={Uri.EscapeDataString(ticket)}{fragment}";
    }

    /// <summary>The ticket as the answer repeats it: only when it is made of a ticket's characters.</summary>
    private static string Shown(string ticket) =>
        ticket.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? $"'{ticket}'" : "donné";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
