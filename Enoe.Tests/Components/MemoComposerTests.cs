using System.Text.Json;
using Bunit;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Memos;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class MemoComposerTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
        {
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = F.TeacherA.Id,
                    SchoolClassId = F.ClassA.Id,
                    Subject = new Subject
                    {
                        SchoolId = F.A.Id,
                        Code = "SVT",
                        Name = "SVT",
                    },
                }
            );
            await db.SaveChangesAsync();
        }
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
    }

    private async Task<int> MemoCountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Memos.CountAsync();
    }

    [Fact]
    public async Task AnEmptyForm_IsRefusedInFrench_AndNothingIsSent()
    {
        var composer = Render<MemoComposer>();
        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();

        composer.WaitForAssertion(() => Assert.Contains("Choisissez au moins un destinataire.", composer.Markup));
        Assert.Contains("Donnez un objet au mémo.", composer.Markup);
        Assert.Contains("Le mémo est vide : écrivez votre message.", composer.Markup);
        Assert.Equal(0, await MemoCountAsync());
    }

    [Fact]
    public async Task ARefusal_KeepsWhatWasTyped_AndASend_ReachesTheClass()
    {
        var composer = Render<MemoComposer>();
        composer.Find("#memo-subject").Change("Sortie SVT");
        composer.Find("#memo-body").Change("Prévoir des bottes.");
        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();
        composer.WaitForAssertion(() => Assert.Contains("Choisissez au moins un destinataire.", composer.Markup));
        Assert.Equal("Sortie SVT", composer.Find("#memo-subject").GetAttribute("value"));
        Assert.Equal("Prévoir des bottes.", composer.Find("#memo-body").GetAttribute("value"));

        composer.Find("#memo-to").Input("6eA");
        composer.WaitForAssertion(() => Assert.Contains("Élèves de 6eA", composer.Markup));
        composer.FindAll("button").Single(b => b.TextContent == "Élèves de 6eA").Click();
        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();

        composer.WaitForAssertion(() => Assert.Contains("Mémo envoyé à Élèves de 6eA.", composer.Markup));
        await Database.Get<MemoService>().WhenDeliveredAsync(); // the copies are written after the send
        Assert.Equal(1, await MemoCountAsync());
        Assert.Equal(1, await Database.Get<MemoService>().UnreadCountAsync(TwoSchools.As(F.StudentA, F.A)));
    }

    /// <summary>The browser's draft script, as the composer uses it (<c>js/drafts.js</c>).</summary>
    private BunitJSModuleInterop DraftScript(string? storedKey = null, string? storedDraft = null)
    {
        var script = JSInterop.SetupModule("./js/drafts.js");
        script.Setup<string?>("storedKey", _ => true).SetResult(storedKey);
        script.Setup<string?>("attach", _ => true).SetResult(storedDraft);
        script.SetupVoid("remember", _ => true);
        script.SetupVoid("clear", _ => true);
        script.SetupVoid("detach", _ => true);
        return script;
    }

    private static string Stored(string subject, string body, int? replyToId = null) =>
        JsonSerializer.Serialize(
            new
            {
                fields = new { subject, body },
                context = new
                {
                    to = new[]
                    {
                        new
                        {
                            kind = 0,
                            targetId = 1,
                            label = "Mme Test",
                        },
                    },
                    aboutChildId = (int?)null,
                    replyToId,
                    forwardOfId = (int?)null,
                },
            }
        );

    [Fact]
    public void TheDraft_IsKeptByTheBrowserAsThePersonTypes_UnderTheirOwnKey_AndEachChangeOfRecipientsAtOnce()
    {
        var script = DraftScript();
        var composer = Render<MemoComposer>(p => p.Add(c => c.Id, "compose"));

        var attach = script.VerifyInvoke("attach");
        Assert.Equal($"enoe.draft.{F.TeacherA.Id}.compose", attach.Arguments[1]);
        // Subject and body, read by the script as they are typed
        Assert.Equal(2, composer.FindAll("[data-draft]").Count);
        Assert.Equal(MemoDraftValidator.BodyMax.ToString(), composer.Find("#compose-body").GetAttribute("maxlength"));

        composer.Find("#compose-to").Input("6eA");
        composer.WaitForAssertion(() => Assert.Contains("Élèves de 6eA", composer.Markup));
        composer.FindAll("button").Single(b => b.TextContent == "Élèves de 6eA").Click();
        Assert.Contains("de 6eA", JsonSerializer.Serialize(script.VerifyInvoke("remember").Arguments[1]));
    }

    [Fact]
    public void AStoredDraft_IsRestored_AndSaid()
    {
        DraftScript(storedDraft: Stored("Sortie SVT", "Prévoir des bottes."));
        var composer = Render<MemoComposer>();

        composer.WaitForAssertion(() => Assert.Contains("Brouillon retrouvé sur cet appareil.", composer.Markup));
        Assert.Equal("Sortie SVT", composer.Find("#memo-subject").GetAttribute("value"));
        Assert.Equal("Prévoir des bottes.", composer.Find("#memo-body").GetAttribute("value"));
        Assert.Contains("Mme Test", composer.Find("[aria-label='Destinataires choisis']").TextContent);
    }

    [Fact]
    public void ADraftOfAnotherForm_IsNotRestoredIntoAReply()
    {
        DraftScript(storedDraft: Stored("Sortie SVT", "Prévoir des bottes.", replyToId: null));
        var reply = Render<MemoComposer>(p =>
            p.Add(c => c.Id, "reply").Add(c => c.Initial, new MemoDraft { Subject = "Re : Bottes", ReplyToId = 42 })
        );
        Assert.Equal("Re : Bottes", reply.Find("#reply-subject").GetAttribute("value"));
        Assert.DoesNotContain("Brouillon retrouvé", reply.Markup);
    }

    [Fact]
    public async Task SendingTheMemo_ClearsItsDraft()
    {
        var script = DraftScript();
        var composer = Render<MemoComposer>();
        composer.Find("#memo-subject").Change("Sortie SVT");
        composer.Find("#memo-body").Change("Prévoir des bottes.");
        composer.Find("#memo-to").Input("6eA");
        composer.WaitForAssertion(() => Assert.Contains("Élèves de 6eA", composer.Markup));
        composer.FindAll("button").Single(b => b.TextContent == "Élèves de 6eA").Click();
        Assert.DoesNotContain(script.Invocations, i => i.Identifier == "clear");

        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();
        composer.WaitForAssertion(() => Assert.Contains("Mémo envoyé à Élèves de 6eA.", composer.Markup));
        script.VerifyInvoke("clear");
        Assert.Equal(1, await MemoCountAsync());
    }

    [Fact]
    public void TheComposer_AndTheServersRefusals_SpeakEnglishToAnEnglishReader()
    {
        using var _ = new InEnglish();
        var composer = Render<MemoComposer>();
        Assert.Contains("To", composer.Find("label[for=memo-to]").TextContent);
        Assert.Equal("Subject", composer.Find("label[for=memo-subject]").TextContent);
        composer.FindAll("button").Single(b => b.TextContent == "Send").Click();

        composer.WaitForAssertion(() => Assert.Contains("Choose at least one recipient.", composer.Markup));
        Assert.Contains("The memo is empty: write your message.", composer.Markup);
        Assert.DoesNotContain("Envoyer", composer.Markup);
        Assert.DoesNotContain("Destinataires", composer.Markup);
    }
}
