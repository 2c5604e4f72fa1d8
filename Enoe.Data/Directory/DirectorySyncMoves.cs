using Enoe.Data.People;
using Enoe.Data.Structure;

namespace Enoe.Data.Directory;

/// <summary>
/// An entry's classes, groups, teaching and form tutoring, within the directory's établissements: rows it no longer
/// names are removed, rows it names are added, each difference reported as a move.
/// </summary>
internal sealed partial class SyncPage
{
    private void Apply(Person person, SyncWanted wanted, List<DirectoryChange> changes, string?[] uais)
    {
        var moves = new List<string>();
        var who = SyncState.Who(person);

        var classes = _enrolments[person.Id].Where(e => state.ClassNames.ContainsKey(e.SchoolClassId)).ToList();
        Diff(
            classes,
            e => e.SchoolClassId,
            wanted.Classes,
            db.Enrolments.Remove,
            id => db.Enrolments.Add(new Enrolment { Student = person, SchoolClassId = id }),
            ClassName,
            moves,
            DirectoryMessages.FormatMoved_Joined,
            DirectoryMessages.FormatMoved_Left
        );

        var groups = _groupEnrolments[person.Id].Where(e => state.GroupNames.ContainsKey(e.TeachingGroupId)).ToList();
        Diff(
            groups,
            e => e.TeachingGroupId,
            wanted.Groups,
            db.GroupEnrolments.Remove,
            id => db.GroupEnrolments.Add(new GroupEnrolment { Student = person, TeachingGroupId = id }),
            GroupName,
            moves,
            DirectoryMessages.FormatMoved_Joined,
            DirectoryMessages.FormatMoved_Left
        );

        var tutored = _tutors[person.Id].Where(t => state.ClassNames.ContainsKey(t.SchoolClassId)).ToList();
        Diff(
            tutored,
            t => t.SchoolClassId,
            wanted.Tutored,
            t => db.Remove(t),
            id => db.Add(new FormTutor { Teacher = person, SchoolClassId = id }),
            ClassName,
            moves,
            DirectoryMessages.FormatMoved_Tutor,
            DirectoryMessages.FormatMoved_NoLongerTutor
        );

        Teaching(person, wanted, moves);
        if (moves.Count > 0 && person.Id != 0)
            changes.Add(new(DirectoryChangeKind.Moved, uais[0], who, string.Join(" ; ", moves)));
    }

    private void Teaching(Person person, SyncWanted wanted, List<string> moves)
    {
        var existing = _teaching[person.Id]
            .Where(t =>
                (t.SchoolClassId is int c && state.ClassNames.ContainsKey(c))
                || (t.TeachingGroupId is int g && state.GroupNames.ContainsKey(g))
            )
            .ToList();
        var wantedKeys = new HashSet<(int, int?, int?)>();
        var added = new List<string>();
        foreach (var (schoolId, code, classId, groupId) in wanted.Teaches)
        {
            var subject = SubjectOf(schoolId, code);
            if (subject.Id is int id)
            {
                wantedKeys.Add((id, classId, groupId));
                if (existing.Any(t => t.SubjectId == id && t.SchoolClassId == classId && t.TeachingGroupId == groupId))
                    continue;
            }
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    Teacher = person,
                    SubjectId = subject.Id ?? 0,
                    Subject = subject.New,
                    SchoolClassId = classId,
                    TeachingGroupId = groupId,
                }
            );
            added.Add(Taught(code, classId, groupId));
        }
        var removed = existing
            .Where(t => !wantedKeys.Contains((t.SubjectId, t.SchoolClassId, t.TeachingGroupId)))
            .ToList();
        db.TeachingAssignments.RemoveRange(removed);
        if (added.Count > 0)
            moves.Add(DirectoryMessages.FormatMoved_Teaches(string.Join(", ", added)));
        if (removed.Count > 0)
            moves.Add(
                DirectoryMessages.FormatMoved_StopsTeaching(
                    string.Join(
                        ", ",
                        removed.Select(t =>
                            Taught(
                                state.SubjectCodes.GetValueOrDefault(t.SubjectId) ?? "?",
                                t.SchoolClassId,
                                t.TeachingGroupId
                            )
                        )
                    )
                )
            );
    }

    /// <summary>The subject by its code in the établissement, made when missing (named by its code till someone
    /// renames it: the directory's teacher entries carry no label).</summary>
    private (int? Id, Subject? New) SubjectOf(int schoolId, string code)
    {
        if (state.Subjects.TryGetValue((schoolId, code), out var id))
            return (id, null);
        if (!_newSubjects.TryGetValue((schoolId, code), out var subject))
        {
            subject = new Subject
            {
                SchoolId = schoolId,
                Code = code,
                Name = code,
            };
            _newSubjects.Add((schoolId, code), subject);
        }
        return (null, subject);
    }

    private string Taught(string subject, int? classId, int? groupId) =>
        $"{subject} ({(classId is int c ? ClassName(c) : GroupName(groupId!.Value))})";

    private string ClassName(int id) => state.ClassNames.TryGetValue(id, out var c) ? c.Name : id.ToString();

    private string GroupName(int id) => state.GroupNames.TryGetValue(id, out var g) ? g.Name : id.ToString();

    private static void Diff<T>(
        List<T> existing,
        Func<T, int> idOf,
        HashSet<int> wanted,
        Func<T, object> remove,
        Func<int, object> add,
        Func<int, string> name,
        List<string> moves,
        Func<string, string> joined,
        Func<string, string> left
    )
    {
        var have = existing.Select(idOf).ToHashSet();
        var gone = existing.Where(e => !wanted.Contains(idOf(e))).ToList();
        foreach (var row in gone)
            remove(row);
        var come = wanted.Where(id => !have.Contains(id)).ToList();
        foreach (var id in come)
            add(id);
        if (come.Count > 0)
            moves.Add(joined(string.Join(", ", come.Select(name))));
        if (gone.Count > 0)
            moves.Add(left(string.Join(", ", gone.Select(idOf).Select(name))));
    }
}
