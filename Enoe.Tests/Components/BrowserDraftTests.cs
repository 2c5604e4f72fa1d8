using Bunit;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// The key a browser draft is encrypted with: stored beside the draft, wrapped for one person;
/// the server hands the raw key only to that person's page.
/// </summary>
public sealed class BrowserDraftTests : BunitContext
{
    private const int Student = 7,
        Teacher = 8;
    private readonly BunitJSModuleInterop _script;
    private readonly IDataProtectionProvider _protection;

    public BrowserDraftTests()
    {
        Services.AddDataProtection();
        _protection = Services.GetRequiredService<IDataProtectionProvider>();
        _script = JSInterop.SetupModule("./js/drafts.js");
        _script.Setup<string?>("attach", _ => true).SetResult(null);
    }

    /// <summary>
    /// Attaches a form for <paramref name="personId"/> whose browser holds <paramref name="storedKey"/>; returns the
    /// (raw, wrapped) key handed to the page.
    /// </summary>
    private async Task<(string Raw, string Wrapped)> AttachAsync(int personId, string form, string? storedKey)
    {
        var storageKey = $"enoe.draft.{personId}.{form}";
        _script.Setup<string?>("storedKey", i => (string?)i.Arguments[0] == storageKey).SetResult(storedKey);
        await new BrowserDraft(JSInterop.JSRuntime, _protection).AttachAsync(
            default(ElementReference),
            personId,
            form,
            new { }
        );
        var attach = _script.Invocations.Last(i => i.Identifier == "attach");
        Assert.Equal(storageKey, attach.Arguments[1]);
        return ((string)attach.Arguments[2]!, (string)attach.Arguments[3]!);
    }

    [Fact]
    public async Task APersonsOwnStoredKey_IsGivenBack_AnotherPersonsIsNot()
    {
        var student = await AttachAsync(Student, "first", storedKey: null);

        // The student's wrapped key, found by the teacher's page on the same browser, opens nothing.
        var teacher = await AttachAsync(Teacher, "second", storedKey: student.Wrapped);
        Assert.NotEqual(student.Raw, teacher.Raw);
        Assert.NotEqual(student.Wrapped, teacher.Wrapped);

        // The student's own page gets their key back, and can read their draft.
        var again = await AttachAsync(Student, "third", storedKey: student.Wrapped);
        Assert.Equal(student, again);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    public async Task AGarbledStoredKey_GivesANewKey(string stored)
    {
        var key = await AttachAsync(Student, "form", stored);
        Assert.Equal(32, Convert.FromBase64String(key.Raw).Length);
        Assert.NotEqual(stored, key.Wrapped);
    }
}
