using System.Text.Json;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>
/// Mémos: asynchronous messages within an établissement. Addresses are expanded to people when
/// the mémo is sent, under the établissement's communication rules (<see cref="MemoRules"/>);
/// one recipient the sender may not reach refuses the whole mémo. Each recipient keeps their own
/// copy (folder, read time); the sender sees who has read it.
/// </summary>
public sealed class MemoService(IDbContextFactory<EnoeDbContext> dbFactory, FileStore files, TimeProvider clock, IEventBus events)
{
    public const int PageSize = 20, AttachmentsMax = 10;
    private static readonly MemoDraftValidator Validator = new();

    /// <summary>
    /// Sends a mémo. Nothing is written when anything is wrong: the form, an attachment, an address
    /// the sender may not reach or that reaches nobody. One write for every recipient.
    /// </summary>
    public async Task<Result<int>> SendAsync(CurrentUser user, MemoDraft draft, IReadOnlyList<FileUpload> attachments, CancellationToken ct = default)
    {
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid) return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        if (attachments.Count > AttachmentsMax) return Result.Invalid([MemoMessages.FormatSend_TooManyAttachments(AttachmentsMax)]);
        if (user.SchoolId is not int schoolId) return Result.Forbidden(MemoMessages.Send_NoSchool);

        Result<Resolved> resolved;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            resolved = await ResolveAsync(db, user.PersonId, schoolId, draft, ct);
        if (!resolved.Succeeded) return resolved.Failure;
        var plan = resolved.Value!;

        Memo? memo = null;
        var result = await files.SaveWithFilesAsync(user.PersonId, schoolId, attachments, async (db, stored) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            memo = new Memo
            {
                SchoolId = schoolId, SenderId = user.PersonId, Subject = draft.Subject.Trim(), Body = draft.Body.Trim(), SentAt = now,
                ReplyToId = draft.ReplyToId, AboutChildId = draft.AboutChildId, To = Summary(plan.To),
                Audiences = [.. plan.To.Select(a => new MemoAudience { Kind = a.Kind, TargetId = a.TargetId, Label = a.Label })],
                Attachments = [.. stored.Select(f => new MemoAttachment { File = f }), .. plan.ForwardedFiles.Select(id => new MemoAttachment { FileId = id })],
            };
            db.Add(memo);
            await db.SaveChangesAsync(ct); // the ids recipients point to
            memo.ThreadId = plan.ThreadId ?? memo.Id;
            // Every copy in one statement, however many recipients (EF would send one INSERT per row on SQLite).
            var rows = JsonSerializer.Serialize(plan.Recipients.Select(r => new[] { r.PersonId, memo.Audiences[r.Address].Id }));
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder")
                SELECT {memo.Id}, json_extract(value, '$[0]'), json_extract(value, '$[1]'), {(int)MemoFolder.Inbox} FROM json_each({rows})
                """, ct);
            return Result<int>.Ok(0);
        }, ct);
        if (!result.Succeeded) return result;
        await events.PublishAsync(new MemoSent(memo!.Id, plan.Recipients.Select(r => r.PersonId).ToHashSet()));
        return Result<int>.Ok(memo.Id);
    }

    /// <summary>A page of one folder, newest first, optionally filtered by sender, subject or text.</summary>
    public async Task<MemoPage> ListAsync(CurrentUser user, MemoFolder folder, string? search = null, int page = 1, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var received = db.Set<MemoRecipient>().Where(r => r.PersonId == me && r.Folder == folder)
            .Select(r => new { r.Memo!.Id, r.Memo.ThreadId, r.Memo.Subject, r.Memo.Body, From = r.Memo.Sender!.FirstName + " " + r.Memo.Sender.LastName, r.Memo.To, r.Memo.SentAt, Read = r.ReadAt != null, Attached = r.Memo.Attachments.Any() });
        var sent = db.Set<Memo>().Where(m => m.SenderId == me && m.SenderFolder == folder)
            .Select(m => new { m.Id, m.ThreadId, m.Subject, m.Body, From = m.Sender!.FirstName + " " + m.Sender.LastName, m.To, m.SentAt, Read = true, Attached = m.Attachments.Any() });
        var rows = folder switch { MemoFolder.Inbox => received, MemoFolder.Sent => sent, _ => received.Concat(sent) };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            rows = rows.Where(r => EF.Functions.Like(r.Subject, pattern) || EF.Functions.Like(r.Body, pattern) || EF.Functions.Like(r.From, pattern));
        }
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await rows.OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new MemoListItem(r.Id, r.ThreadId, r.Subject, r.From, r.To, r.SentAt, r.Read, r.Attached)).ToListAsync(ct);
        return new MemoPage(items, total, page, PageSize);
    }

    public async Task<int> UnreadCountAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<MemoRecipient>().CountAsync(r => r.PersonId == user.PersonId && r.Folder == MemoFolder.Inbox && r.ReadAt == null, ct);
    }

    /// <summary>The unread mémos of the inbox, newest first (the widget's list).</summary>
    public async Task<IReadOnlyList<MemoListItem>> UnreadAsync(CurrentUser user, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<MemoRecipient>().Where(r => r.PersonId == user.PersonId && r.Folder == MemoFolder.Inbox && r.ReadAt == null)
            .OrderByDescending(r => r.Memo!.SentAt).Take(take)
            .Select(r => new MemoListItem(r.MemoId, r.Memo!.ThreadId, r.Memo.Subject, r.Memo.Sender!.FirstName + " " + r.Memo.Sender.LastName, r.Memo.To, r.Memo.SentAt, false, r.Memo.Attachments.Any()))
            .ToListAsync(ct);
    }

    /// <summary>The conversation a mémo belongs to, as far as this person took part in it; reading it marks their copies read.</summary>
    public async Task<Result<IReadOnlyList<MemoView>>> ConversationAsync(CurrentUser user, int memoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var visible = Visible(db, me);
        var thread = await visible.Where(m => m.Id == memoId).Select(m => (int?)m.ThreadId).FirstOrDefaultAsync(ct);
        if (thread is null) return Result.NotFound(MemoMessages.Conversation_NotFound);
        var memos = await visible.Where(m => m.ThreadId == thread).OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new MemoView(m.Id, m.SenderId, m.Sender!.FirstName + " " + m.Sender.LastName, m.To,
                m.AboutChild == null ? null : m.AboutChild.FirstName + " " + m.AboutChild.LastName, m.Subject, m.Body, m.SentAt, m.SenderId == me,
                m.Attachments.Select(a => new FileView(a.FileId, a.File!.Name, a.File.Length)).ToList()))
            .AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Set<MemoRecipient>().Where(r => r.PersonId == me && r.ReadAt == null && r.Memo!.ThreadId == thread)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReadAt, now), ct);
        if (marked > 0) await events.PublishAsync(new MemoRead(me));
        return Result<IReadOnlyList<MemoView>>.Ok(memos);
    }

    /// <summary>The addresses a mémo this person can see was sent to, for "reply to all".</summary>
    public async Task<IReadOnlyList<MemoAddress>> AudiencesOfAsync(CurrentUser user, int memoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = Visible(db, user.PersonId);
        return await db.Set<MemoAudience>().Where(a => a.MemoId == memoId && visible.Any(m => m.Id == memoId)).OrderBy(a => a.Id)
            .Select(a => new MemoAddress(a.Kind, a.TargetId, a.Label)).ToListAsync(ct);
    }

    /// <summary>Who has read a mémo, for its sender: per audience and per person (the first readers by name).</summary>
    public async Task<Result<MemoReceipts>> ReceiptsAsync(CurrentUser user, int memoId, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Memo>().AnyAsync(m => m.Id == memoId && m.SenderId == user.PersonId, ct))
            return Result.Forbidden(MemoMessages.Receipts_SenderOnly);
        var audiences = await db.Set<MemoAudience>().Where(a => a.MemoId == memoId).OrderBy(a => a.Id)
            .Select(a => new AudienceReceipt(a.Label, db.Set<MemoRecipient>().Count(r => r.AudienceId == a.Id && r.ReadAt != null), db.Set<MemoRecipient>().Count(r => r.AudienceId == a.Id)))
            .ToListAsync(ct);
        var readers = await db.Set<MemoRecipient>().Where(r => r.MemoId == memoId)
            .OrderBy(r => r.ReadAt == null).ThenBy(r => r.ReadAt).ThenBy(r => r.Person!.LastName).Take(take)
            .Select(r => new ReaderReceipt(r.Person!.FirstName + " " + r.Person.LastName, r.ReadAt)).ToListAsync(ct);
        return Result<MemoReceipts>.Ok(new MemoReceipts(audiences, readers, audiences.Sum(a => a.Read), audiences.Sum(a => a.Total)));
    }

    /// <summary>Moves this person's copy (received or sent) to another folder; <see cref="MemoFolder.Sent"/> only for their own.</summary>
    public async Task<Result> MoveAsync(CurrentUser user, int memoId, MemoFolder to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var copy = await db.Set<MemoRecipient>().FirstOrDefaultAsync(r => r.MemoId == memoId && r.PersonId == me, ct);
        if (copy is not null && to != MemoFolder.Sent)
        {
            copy.Folder = to;
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(new MemoRead(me)); // the unread badge may change
            return Result.Ok();
        }
        var mine = await db.Set<Memo>().FirstOrDefaultAsync(m => m.Id == memoId && m.SenderId == me, ct);
        if (mine is null || to == MemoFolder.Inbox) return Result.NotFound(MemoMessages.Move_NotFound);
        mine.SenderFolder = to;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Empties this person's bin: their copies go for good (the sender's receipts keep them as "deleted unread").</summary>
    public async Task<int> EmptyBinAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var received = await db.Set<MemoRecipient>().Where(r => r.PersonId == me && r.Folder == MemoFolder.Bin)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Folder, MemoFolder.Deleted), ct);
        var sent = await db.Set<Memo>().Where(m => m.SenderId == me && m.SenderFolder == MemoFolder.Bin)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SenderFolder, MemoFolder.Deleted), ct);
        return received + sent;
    }

    /// <summary>
    /// What this person may address in their current établissement, for the picker: the people
    /// matching <paramref name="search"/> that the rules let them reach, and the audiences they may
    /// write to as a whole (their classes' students, parents, teachers; groups; profiles).
    /// </summary>
    public async Task<IReadOnlyList<AddressOption>> AddressOptionsAsync(CurrentUser user, string? search, int take = 12, CancellationToken ct = default)
    {
        if (user.SchoolId is not int schoolId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sender = await SenderAsync(db, user.PersonId, schoolId, ct);
        if (sender is null) return [];
        var reachable = Reachable(db, user.PersonId, schoolId, sender.Value.Profiles, sender.Value.Rules);
        var options = new List<AddressOption>();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            var people = await db.Memberships.Where(m => m.SchoolId == schoolId && reachable.Contains(m.PersonId)
                    && (EF.Functions.Like(m.Person!.FirstName + " " + m.Person.LastName, pattern) || EF.Functions.Like(m.Person!.LastName + " " + m.Person.FirstName, pattern)))
                .OrderBy(m => m.Person!.LastName).ThenBy(m => m.Person!.FirstName).Take(take)
                .Select(m => new { m.PersonId, Name = m.Person!.FirstName + " " + m.Person.LastName, m.Profiles, m.Function }).ToListAsync(ct);
            options.AddRange(people.Select(p => new AddressOption(new MemoAddress(AudienceKind.Person, p.PersonId, p.Name), p.Function ?? p.Profiles.French())));
        }
        var classes = await db.Classes.Where(c => c.SchoolId == schoolId).OrderBy(c => c.LevelId).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var groups = await db.Groups.Where(g => g.SchoolId == schoolId).OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var candidates = classes.SelectMany(c => new[]
            {
                new MemoAddress(AudienceKind.ClassStudents, c.Id, AudienceLabel(AudienceKind.ClassStudents, c.Name)),
                new MemoAddress(AudienceKind.ClassParents, c.Id, AudienceLabel(AudienceKind.ClassParents, c.Name)),
                new MemoAddress(AudienceKind.ClassTeachers, c.Id, AudienceLabel(AudienceKind.ClassTeachers, c.Name)),
            })
            .Concat(groups.Select(g => new MemoAddress(AudienceKind.GroupStudents, g.Id, AudienceLabel(AudienceKind.GroupStudents, g.Name))))
            .Concat(ProfileAudiences())
            .Where(a => string.IsNullOrWhiteSpace(search) || a.Label.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase));
        // An audience is offered only when the sender reaches all of it (one count query each, on small sets).
        foreach (var audience in candidates)
        {
            if (options.Count >= take * 2) break;
            var (total, allowed) = await CountAsync(db, schoolId, user.PersonId, audience, reachable, ct);
            if (total > 0 && total == allowed) options.Add(new AddressOption(audience, total == 1 ? MemoMessages.People_One : MemoMessages.FormatPeople_Many(total)));
        }
        return options;
    }

    /// <summary>The établissement's communication rules, for its admin page.</summary>
    public async Task<MemoRules> RulesAsync(int schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Schools.Where(s => s.Id == schoolId).Select(s => s.MemoRules).FirstOrDefaultAsync(ct);
    }

    public async Task<Result> SaveRulesAsync(CurrentUser user, MemoRules rules, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct))
            return Result.Forbidden(MemoMessages.Rules_AdminsOnly);
        await db.Schools.Where(s => s.Id == user.SchoolId).ExecuteUpdateAsync(u => u.SetProperty(s => s.MemoRules, rules), ct);
        return Result.Ok();
    }

    /// <summary>The whole-profile audiences a sender may choose (labels in the reader's language, so built when asked).</summary>
    private static MemoAddress[] ProfileAudiences() =>
    [
        new(AudienceKind.Profile, (int)Profile.Teacher, MemoMessages.Audience_AllTeachers),
        new(AudienceKind.Profile, (int)Profile.Direction, MemoMessages.Audience_AllStaff),
        new(AudienceKind.Profile, (int)Profile.Student, MemoMessages.Audience_AllStudents),
        new(AudienceKind.Profile, (int)Profile.Parent, MemoMessages.Audience_AllParents),
    ];

    private static string AudienceLabel(AudienceKind kind, string name) => kind switch
    {
        AudienceKind.ClassStudents => MemoMessages.FormatAudience_ClassStudents(name),
        AudienceKind.ClassParents => MemoMessages.FormatAudience_ClassParents(name),
        AudienceKind.ClassTeachers => MemoMessages.FormatAudience_ClassTeachers(name),
        AudienceKind.GroupStudents => MemoMessages.FormatAudience_Group(name),
        _ => name,
    };

    /// <summary>
    /// What an audience (not a person) is called, read from the database: a draft comes back from the
    /// browser, and the label it carries is not trusted. Null when it names nothing in the établissement.
    /// </summary>
    private static async Task<string?> AudienceLabelAsync(EnoeDbContext db, int schoolId, MemoAddress address, CancellationToken ct)
    {
        var target = address.TargetId;
        var name = address.Kind switch
        {
            AudienceKind.ClassStudents or AudienceKind.ClassParents or AudienceKind.ClassTeachers =>
                await db.Classes.Where(c => c.Id == target && c.SchoolId == schoolId).Select(c => c.Name).FirstOrDefaultAsync(ct),
            AudienceKind.GroupStudents => await db.Groups.Where(g => g.Id == target && g.SchoolId == schoolId).Select(g => g.Name).FirstOrDefaultAsync(ct),
            _ => ProfileAudiences().FirstOrDefault(a => a.Kind == address.Kind && a.TargetId == target)?.Label,
        };
        return name is null ? null : AudienceLabel(address.Kind, name);
    }

    /// <param name="To">The addresses as chosen, each labelled by the server.</param>
    private sealed record Resolved(IReadOnlyList<(int PersonId, int Address)> Recipients, int? ThreadId, IReadOnlyList<int> ForwardedFiles, IReadOnlyList<MemoAddress> To);

    /// <summary>Checks every address against the rules and expands it to people, each person once (the first address that brings them).</summary>
    private static async Task<Result<Resolved>> ResolveAsync(EnoeDbContext db, int me, int schoolId, MemoDraft draft, CancellationToken ct)
    {
        var sender = await SenderAsync(db, me, schoolId, ct);
        if (sender is null) return Result.Forbidden(MemoMessages.Send_NotMember);
        var reachable = Reachable(db, me, schoolId, sender.Value.Profiles, sender.Value.Rules);

        // A reply may always go back to the person who wrote to you.
        int? thread = null, repliedTo = null;
        if (draft.ReplyToId is int replyTo)
        {
            var original = await Visible(db, me).Where(m => m.Id == replyTo).Select(m => new { m.ThreadId, m.SenderId }).FirstOrDefaultAsync(ct);
            if (original is null) return Result.NotFound(MemoMessages.Send_ReplyGone);
            (thread, repliedTo) = (original.ThreadId, original.SenderId);
        }
        IReadOnlyList<int> forwarded = [];
        if (draft.ForwardOfId is int forwardOf)
        {
            if (!await Visible(db, me).AnyAsync(m => m.Id == forwardOf, ct)) return Result.NotFound(MemoMessages.Send_ForwardGone);
            forwarded = await db.Set<MemoAttachment>().Where(a => a.MemoId == forwardOf).Select(a => a.FileId).ToListAsync(ct);
        }
        if (draft.AboutChildId is int child && !await db.Guardianships.AnyAsync(g => g.ParentId == me && g.StudentId == child, ct))
            return Result.Forbidden(MemoMessages.Send_NotYourChild);

        var recipients = new List<(int, int)>();
        var to = new List<MemoAddress>();
        var seen = new HashSet<int> { me };
        for (var i = 0; i < draft.To.Count; i++)
        {
            var (target, isPerson) = (draft.To[i].TargetId, draft.To[i].Kind == AudienceKind.Person);
            // A person's name and membership in one query (as many round trips for one parent as for all of them).
            var label = isPerson
                ? await db.Memberships.Where(m => m.SchoolId == schoolId && m.PersonId == target).Select(m => m.Person!.FirstName + " " + m.Person.LastName).FirstOrDefaultAsync(ct)
                : await AudienceLabelAsync(db, schoolId, draft.To[i], ct);
            if (label is null)
                return Result.Invalid([isPerson ? MemoMessages.FormatSend_PersonNotInSchool(draft.To[i].Label) : MemoMessages.Send_UnknownAudience]);
            var address = draft.To[i] with { Label = label };
            List<int> people = isPerson ? (target == me ? [] : [target]) : await Expand(db, schoolId, address).Where(id => id != me).Distinct().ToListAsync(ct);
            if (people.Count == 0)
                return Result.Invalid([isPerson ? MemoMessages.FormatSend_PersonNotInSchool(label) : MemoMessages.FormatSend_AudienceEmpty(label)]);
            var isReplyToSender = isPerson && address.TargetId == repliedTo;
            if (!isReplyToSender)
            {
                var allowed = await reachable.CountAsync(id => people.Contains(id), ct);
                if (allowed < people.Count)
                    return Result.Forbidden(isPerson ? MemoMessages.FormatSend_PersonNotAllowed(label) : MemoMessages.FormatSend_AudienceNotAllowed(label));
            }
            recipients.AddRange(people.Where(seen.Add).Select(p => (p, i)));
            to.Add(address);
        }
        return Result<Resolved>.Ok(new Resolved(recipients, thread, forwarded, to));
    }

    private static async Task<(int Total, int Allowed)> CountAsync(EnoeDbContext db, int schoolId, int me, MemoAddress address, IQueryable<int> reachable, CancellationToken ct)
    {
        var people = Expand(db, schoolId, address).Where(id => id != me).Distinct();
        var counts = await db.Schools.Where(s => s.Id == schoolId)
            .Select(s => new { Total = people.Count(), Allowed = people.Count(id => reachable.Contains(id)) }).FirstAsync(ct);
        return (counts.Total, counts.Allowed);
    }

    private static async Task<(Profile Profiles, MemoRules Rules)?> SenderAsync(EnoeDbContext db, int me, int schoolId, CancellationToken ct)
    {
        var row = await db.Memberships.Where(m => m.PersonId == me && m.SchoolId == schoolId)
            .Select(m => new { m.Profiles, m.School!.MemoRules }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Profiles, row.MemoRules);
    }

    /// <summary>The people an address stands for, within the établissement.</summary>
    internal static IQueryable<int> Expand(EnoeDbContext db, int schoolId, MemoAddress address)
    {
        var target = address.TargetId;
        return address.Kind switch
        {
            AudienceKind.Person => db.Memberships.Where(m => m.SchoolId == schoolId && m.PersonId == target).Select(m => m.PersonId),
            AudienceKind.ClassStudents => db.Enrolments.Where(e => e.SchoolClassId == target && e.SchoolClass!.SchoolId == schoolId).Select(e => e.StudentId),
            AudienceKind.ClassParents => db.Guardianships.Where(g => db.Enrolments.Any(e => e.StudentId == g.StudentId && e.SchoolClassId == target && e.SchoolClass!.SchoolId == schoolId)).Select(g => g.ParentId),
            AudienceKind.ClassTeachers => db.TeachingAssignments.Where(a => a.SchoolClassId == target && a.SchoolClass!.SchoolId == schoolId).Select(a => a.TeacherId),
            AudienceKind.GroupStudents => db.GroupEnrolments.Where(e => e.TeachingGroupId == target && e.TeachingGroup!.SchoolId == schoolId).Select(e => e.StudentId),
            _ => db.Memberships.Where(m => m.SchoolId == schoolId && ((int)m.Profiles & target) != 0).Select(m => m.PersonId),
        };
    }

    /// <summary>Everyone of the établissement this sender may write to, by profile and rules (one composable query).</summary>
    internal static IQueryable<int> Reachable(EnoeDbContext db, int me, int schoolId, Profile profiles, MemoRules rules)
    {
        var members = db.Memberships.Where(m => m.SchoolId == schoolId);
        if (profiles.HasAny(Profile.Direction)) return members.Select(m => m.PersonId);
        IQueryable<int> With(Profile p) => members.Where(m => (m.Profiles & p) != 0).Select(m => m.PersonId);
        bool Allows(Profile who, MemoRules rule) => profiles.HasAny(who) && rules.HasFlag(rule);

        var myClasses = db.Enrolments.Where(e => e.StudentId == me).Select(e => e.SchoolClassId);
        var myGroups = db.GroupEnrolments.Where(e => e.StudentId == me).Select(e => e.TeachingGroupId);
        var children = db.Guardianships.Where(g => g.ParentId == me).Select(g => g.StudentId);
        var childClasses = db.Enrolments.Where(e => children.Contains(e.StudentId)).Select(e => e.SchoolClassId);
        var childGroups = db.GroupEnrolments.Where(e => children.Contains(e.StudentId)).Select(e => e.TeachingGroupId);
        var taughtClasses = db.TeachingAssignments.Where(a => a.TeacherId == me && a.SchoolClassId != null).Select(a => a.SchoolClassId!.Value);
        var taughtGroups = db.TeachingAssignments.Where(a => a.TeacherId == me && a.TeachingGroupId != null).Select(a => a.TeachingGroupId!.Value);
        var taughtStudents = db.Enrolments.Where(e => taughtClasses.Contains(e.SchoolClassId)).Select(e => e.StudentId)
            .Union(db.GroupEnrolments.Where(e => taughtGroups.Contains(e.TeachingGroupId)).Select(e => e.StudentId));

        var reach = new List<IQueryable<int>>();
        if (Allows(Profile.Teacher, MemoRules.TeachersToColleagues)) reach.Add(With(Profile.Personnel));
        if (Allows(Profile.Teacher, MemoRules.TeachersToStudents)) reach.Add(taughtStudents);
        if (Allows(Profile.Teacher, MemoRules.TeachersToParents)) reach.Add(db.Guardianships.Where(g => taughtStudents.Contains(g.StudentId)).Select(g => g.ParentId));
        if (Allows(Profile.Student, MemoRules.StudentsToTheirTeachers))
            reach.Add(db.TeachingAssignments.Where(a => (a.SchoolClassId != null && myClasses.Contains(a.SchoolClassId.Value)) || (a.TeachingGroupId != null && myGroups.Contains(a.TeachingGroupId.Value))).Select(a => a.TeacherId));
        if (Allows(Profile.Student, MemoRules.StudentsToStaff)) reach.Add(With(Profile.Direction));
        if (Allows(Profile.Student, MemoRules.StudentsToClassmates))
            reach.Add(db.Enrolments.Where(e => myClasses.Contains(e.SchoolClassId)).Select(e => e.StudentId)
                .Union(db.GroupEnrolments.Where(e => myGroups.Contains(e.TeachingGroupId)).Select(e => e.StudentId)));
        if (Allows(Profile.Parent, MemoRules.ParentsToTeachers))
            reach.Add(db.TeachingAssignments.Where(a => (a.SchoolClassId != null && childClasses.Contains(a.SchoolClassId.Value)) || (a.TeachingGroupId != null && childGroups.Contains(a.TeachingGroupId.Value))).Select(a => a.TeacherId));
        if (Allows(Profile.Parent, MemoRules.ParentsToStaff)) reach.Add(With(Profile.Direction));
        if (Allows(Profile.Parent, MemoRules.ParentsToClassParents))
            reach.Add(db.Guardianships.Where(g => db.Enrolments.Any(e => e.StudentId == g.StudentId && childClasses.Contains(e.SchoolClassId))).Select(g => g.ParentId));

        if (reach.Count == 0) return members.Where(m => false).Select(m => m.PersonId);
        var all = reach.Aggregate((a, b) => a.Union(b));
        return members.Where(m => all.Contains(m.PersonId)).Select(m => m.PersonId);
    }

    /// <summary>Mémos this person sent or received (and has not deleted for good).</summary>
    internal static IQueryable<Memo> Visible(EnoeDbContext db, int me) =>
        db.Set<Memo>().Where(m => (m.SenderId == me && m.SenderFolder != MemoFolder.Deleted)
            || db.Set<MemoRecipient>().Any(r => r.MemoId == m.Id && r.PersonId == me && r.Folder != MemoFolder.Deleted));

    private static string Summary(IReadOnlyList<MemoAddress> to)
    {
        var text = string.Join(", ", to.Select(a => a.Label));
        return text.Length <= 300 ? text : text[..297] + "…";
    }
}

/// <summary>Who reads a mémo's attachment: its sender and its recipients.</summary>
public sealed class MemoFileRule : IFileReadRule
{
    public Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var visible = MemoService.Visible(db, personId);
        return db.Set<MemoAttachment>().AnyAsync(a => a.FileId == fileId && visible.Any(m => m.Id == a.MemoId), ct);
    }
}
