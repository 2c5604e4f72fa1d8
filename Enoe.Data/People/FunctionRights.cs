using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>
/// Who someone is to an object, as the rights table reads it. The first five are the staff functions (same bits as
/// <see cref="StaffFunction"/>); the others are profiles or ties to the object that each service establishes (the
/// teacher of this student, the professeur principal of their class, the author of this assessment, the manager of
/// this resource...).
/// </summary>
[Flags]
public enum Holder
{
    None = 0,
    Direction = StaffFunction.Direction,
    Cpe = StaffFunction.Cpe,
    Librarian = StaffFunction.Librarian,
    Office = StaffFunction.Office,
    Agent = StaffFunction.Agent,

    /// <summary>Any member of staff, whatever their function (or none yet).</summary>
    Staff = 1 << 5,

    /// <summary>A teacher of the student's (or the entry's) class or group.</summary>
    Teacher = 1 << 6,

    /// <summary>The professeur principal of the student's class.</summary>
    FormTutor = 1 << 7,

    /// <summary>The teacher who wrote the object (the assessment, the assignment).</summary>
    Author = 1 << 8,

    /// <summary>The manager named on a bookable resource.</summary>
    Manager = 1 << 9,

    /// <summary>The student themself.</summary>
    Student = 1 << 10,

    /// <summary>A responsable légal of the student.</summary>
    Parent = 1 << 11,

    /// <summary>The établissement's ENT administrator (the SchoolAdmin profile).</summary>
    SchoolAdmin = 1 << 12,

    /// <summary>The académie's administrator.</summary>
    AcademyAdmin = 1 << 13,
}

/// <summary>What the table decides, one right per line (the README's "Rights by function" lists the same).</summary>
public enum Right
{
    LogbookWrite,
    LogbookEveryClass,
    BookableResourcesManage,
    BookingsApprove,
    SubmissionsRead,
    MarksUnpublishedRead,
    MarksPublishedRead,
    SkillsRead,
    SkillsAssess,
    NetworkEveryTeacher,

    /// <summary>
    /// Write a mémo to (or share a document with) anyone of the établissement, whatever its switches.
    /// </summary>
    ReachEveryone,

    /// <summary>Write to the personnel (teachers, staff, admins) of the établissement, whatever its switches.</summary>
    ReachPersonnel,
    DigitalResourcesManage,
    PublicSiteEdit,
    AccountsAdminister,

    /// <summary>Import the établissement's timetable and set its weeks A and B.</summary>
    TimetableImport,

    /// <summary>Cancel, move or change the room of one lesson, with a reason.</summary>
    TimetableChange,

    /// <summary>
    /// The vie scolaire's work: every roll call and absence of the établissement, phone reports, justifications
    /// accepted or refused, counts for the conseil de classe.
    /// </summary>
    SchoolLifeManage,

    /// <summary>A student's absences and lateness.</summary>
    AbsencesRead,

    /// <summary>The établissement's quiet window, its exceptions and the parents' delay for marks.</summary>
    QuietHoursManage,

    /// <summary>
    /// What the établissement's people receive by e-mail unless they choose, per profile and category.
    /// </summary>
    MailDefaultsManage,
}

/// <summary>
/// The rights of each function, in one place: which holders may do what. Services establish who the user is to the
/// object (a <see cref="Holder"/> set) and ask <see cref="Allows"/>; queries over memberships use
/// <see cref="Functions"/>. A member of staff without the function gets nothing more than their profile gives; the
/// school admin administers (accounts, resources, site) but reads no marks or booklet unless also of the direction.
/// </summary>
public static class FunctionRights
{
    private const Holder AnyStaff = Holder.Staff;

    public static readonly IReadOnlyDictionary<Right, Holder> Table = new Dictionary<Right, Holder>
    {
        [Right.LogbookWrite] = Holder.Teacher,
        [Right.LogbookEveryClass] = Holder.Direction | Holder.Cpe,
        [Right.BookableResourcesManage] = Holder.Direction | Holder.SchoolAdmin,
        [Right.BookingsApprove] = Holder.Manager | Holder.Direction,
        [Right.SubmissionsRead] = Holder.Author | Holder.Student,
        [Right.MarksUnpublishedRead] = Holder.Author | Holder.Direction,
        [Right.MarksPublishedRead] =
            Holder.Student | Holder.Parent | Holder.Author | Holder.FormTutor | Holder.Direction | Holder.Cpe,
        [Right.SkillsRead] =
            Holder.Student | Holder.Parent | Holder.Teacher | Holder.FormTutor | Holder.Direction | Holder.Cpe,
        [Right.SkillsAssess] = Holder.Teacher,
        [Right.NetworkEveryTeacher] = AnyStaff | Holder.SchoolAdmin,
        [Right.ReachEveryone] =
            Holder.Direction | Holder.Cpe | Holder.Office | Holder.SchoolAdmin | Holder.AcademyAdmin,
        [Right.ReachPersonnel] = AnyStaff | Holder.SchoolAdmin | Holder.AcademyAdmin,
        [Right.DigitalResourcesManage] = Holder.SchoolAdmin,
        [Right.PublicSiteEdit] = Holder.Direction | Holder.Librarian | Holder.Office | Holder.SchoolAdmin,
        [Right.AccountsAdminister] = Holder.SchoolAdmin | Holder.AcademyAdmin,
        [Right.TimetableImport] = Holder.Direction | Holder.SchoolAdmin,
        [Right.TimetableChange] = Holder.Direction | Holder.Cpe,
        [Right.SchoolLifeManage] = Holder.Direction | Holder.Cpe,
        [Right.AbsencesRead] = Holder.Student | Holder.Parent | Holder.Direction | Holder.Cpe,
        [Right.QuietHoursManage] = Holder.Direction | Holder.SchoolAdmin,
        [Right.MailDefaultsManage] = Holder.Direction | Holder.SchoolAdmin,
    };

    public static Holder HoldersOf(Right right) => Table[right];

    public static bool Allows(Right right, Holder who) => (Table[right] & who) != 0;

    /// <summary>
    /// The staff functions that hold the right across their établissement (for queries on memberships).
    /// </summary>
    public static StaffFunction Functions(Right right) => (StaffFunction)((int)Table[right] & 0b1_1111);

    /// <summary>What a membership makes its holder, before any tie to a particular object.</summary>
    public static Holder Of(Profile profiles, StaffFunction functions) =>
        (Holder)(int)functions
        | (profiles.HasAny(Profile.Staff) ? Holder.Staff : 0)
        | (profiles.HasAny(Profile.SchoolAdmin) ? Holder.SchoolAdmin : 0)
        | (profiles.HasAny(Profile.AcademyAdmin) ? Holder.AcademyAdmin : 0);

    /// <summary>
    /// Whether the person holds the right in this établissement by their membership alone (a function or an admin
    /// profile), read from the database at the moment of asking.
    /// </summary>
    public static async Task<bool> HoldsAsync(
        this EnoeDbContext db,
        int personId,
        int? schoolId,
        Right right,
        CancellationToken ct
    )
    {
        if (schoolId is null)
            return false;
        var member = await db
            .Memberships.Where(m => m.PersonId == personId && m.SchoolId == schoolId)
            .Select(m => new { m.Profiles, m.Functions })
            .FirstOrDefaultAsync(ct);
        return member is not null && Allows(right, Of(member.Profiles, member.Functions));
    }

    /// <summary>The memberships whose function gives the right across their établissement.</summary>
    public static IQueryable<Membership> Holding(this IQueryable<Membership> memberships, Right right)
    {
        var functions = Functions(right);
        return memberships.Where(m => (m.Functions & functions) != 0);
    }
}
