using System.DirectoryServices.Protocols;
using System.Net;

namespace Enoe.Tests.Support.TestDirectory;

/// <summary>
/// Changes to the running directory, made as the manager over LDAP, as the académie's feed would make them. The
/// <see cref="Sample"/> records do not follow: a test states what it expects after its change.
/// </summary>
public sealed partial class SlapdServer
{
    /// <summary>The student now belongs to <paramref name="classCode"/> of their établissement.</summary>
    public Task MoveStudentAsync(string studentDn, int school, string classCode) =>
        ModifyAsync(
            studentDn,
            DirectoryAttributeOperation.Replace,
            "ENTEleveClasses",
            $"{SampleDirectory.SchoolDn(school)}${classCode}"
        );

    /// <summary>A new link, on the student's side (<c>ENTEleveParents</c>).</summary>
    public Task AddParentLinkAsync(string studentDn, string parentDn) =>
        ModifyAsync(studentDn, DirectoryAttributeOperation.Add, "ENTEleveParents", parentDn);

    /// <summary>
    /// The teacher no longer teaches <paramref name="classCode"/> (every subject, and principal no more).
    /// </summary>
    public async Task RemoveTeacherClassAsync(string teacherDn, int school, string classCode)
    {
        var prefix = $"{SampleDirectory.SchoolDn(school)}${classCode}";
        var teacher = Sample.Find(teacherDn)!.Entry;
        foreach (var value in teacher.TeacherClassSubjects.Where(v => v.StartsWith(prefix + "$")))
            await ModifyAsync(teacherDn, DirectoryAttributeOperation.Delete, "ENTAuxEnsClassesMatieres", value);
        await ModifyAsync(teacherDn, DirectoryAttributeOperation.Delete, "ENTAuxEnsClasses", prefix);
        if (teacher.TeacherPrincipalClasses.Contains(prefix))
            await ModifyAsync(teacherDn, DirectoryAttributeOperation.Delete, "ENTAuxEnsClassesPrincipal", prefix);
    }

    public Task RenameAsync(string dn, string displayName) =>
        ModifyAsync(dn, DirectoryAttributeOperation.Replace, "ENTPersonNomAffichage", displayName);

    public Task DeleteAsync(string dn) => SendAsync(new DeleteRequest(dn));

    /// <summary>Any other change to one attribute.</summary>
    public Task ModifyAsync(
        string dn,
        DirectoryAttributeOperation operation,
        string attribute,
        params string[] values
    ) => SendAsync(new ModifyRequest(dn, operation, attribute, values));

    private Task SendAsync(DirectoryRequest request) =>
        Task.Run(() =>
        {
            var uri = new Uri(Url);
            using var manager = new LdapConnection(new LdapDirectoryIdentifier(uri.Host, uri.Port))
            {
                AuthType = AuthType.Basic,
            };
            manager.SessionOptions.ProtocolVersion = 3;
            manager.Bind(new NetworkCredential(ManagerDn, ManagerPassword));
            manager.SendRequest(request);
        });
}
