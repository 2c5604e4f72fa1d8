using Bunit;
using Enoe.Widgets.Logbook;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor.Services;

namespace Enoe.Tests.Components;

public sealed class InlineTextTests : BunitContext
{
    private readonly List<string> _saved = [];

    public InlineTextTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(); // the open editor is a MudForm
    }

    private IRenderedComponent<InlineText> RenderText(string? value, string? refusal = null) =>
        Render<InlineText>(p =>
            p.Add(t => t.Value, value)
                .Add(t => t.Label, "Contenu")
                .Add(
                    t => t.OnSave,
                    text =>
                    {
                        _saved.Add(text);
                        return Task.FromResult(refusal);
                    }
                )
        );

    [Fact]
    public void ClickEditCtrlEnter_SavesTheNewText()
    {
        var text = RenderText("Fractions");
        text.Find(".enoe-inline-text").Click();
        text.Find("textarea").Input("Fractions et décimaux");
        text.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        Assert.Equal(["Fractions et décimaux"], _saved);
        Assert.Empty(text.FindAll("textarea"));
    }

    [Fact]
    public void Escape_CancelsWithoutSaving()
    {
        var text = RenderText("Fractions");
        text.Find(".enoe-inline-text").Click();
        text.Find("textarea").Input("Brouillon");
        text.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(_saved);
        Assert.Contains("Fractions", text.Find(".enoe-inline-text").TextContent);
    }

    [Fact]
    public void LeavingTheField_Saves_AndEnterOnTheTextOpensIt()
    {
        var text = RenderText(null);
        text.Find(".enoe-inline-text").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        text.Find("textarea").Input("Nouveau contenu");
        text.Find("textarea").Blur();
        Assert.Equal(["Nouveau contenu"], _saved);
    }

    [Fact]
    public void RefusedSave_KeepsTheEditorOpen_WithTheTextAndTheMessage()
    {
        var text = RenderText("Fractions", refusal: "Un autre enseignant a modifié cette séance.");
        text.Find(".enoe-inline-text").Click();
        text.Find("textarea").Input("Mon texte");
        text.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        Assert.Equal("Mon texte", text.Find("textarea").GetAttribute("value"));
        Assert.Contains("Un autre enseignant", text.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void UserText_IsRenderedThroughTheSanitizer()
    {
        var text = RenderText("**gras** <script>alert(1)</script>");
        Assert.Contains("<strong>gras</strong>", text.Markup);
        Assert.DoesNotContain("<script", text.Markup);
    }

    [Fact]
    public void Escape_GivesTheKeyboardBackToTheTextThatWasEdited()
    {
        var text = RenderText("Fractions");
        text.Find(".enoe-inline-text").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Equal(text.Find("textarea").GetAttribute("blazor:elementReference"), LastFocused());

        text.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Equal(text.Find(".enoe-inline-text").GetAttribute("blazor:elementReference"), LastFocused());
    }

    [Fact]
    public void CtrlEnter_SavesAndGivesTheKeyboardBackToTheText()
    {
        var text = RenderText("Fractions");
        text.Find(".enoe-inline-text").Click();
        text.Find("textarea").Input("Fractions et décimaux");
        text.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        Assert.Equal(text.Find(".enoe-inline-text").GetAttribute("blazor:elementReference"), LastFocused());
    }

    [Fact]
    public void LeavingTheFieldToAnotherControl_DoesNotPullTheKeyboardBack()
    {
        var text = RenderText("Fractions");
        text.Find(".enoe-inline-text").Click();
        text.Find("textarea").Input("Fractions et décimaux");
        var focusedBefore = FocusCalls().Count();
        text.Find("textarea").Blur();
        Assert.Equal(["Fractions et décimaux"], _saved);
        Assert.Equal(focusedBefore, FocusCalls().Count());
    }

    [Fact]
    public void TheEditorTakesTheKeyboardWhenItOpens_NotAgainAtEachKeystroke()
    {
        var text = RenderText("Fractions");
        text.Find(".enoe-inline-text").Click();
        Assert.Single(FocusCalls());
        text.Find("textarea").Input("Fractions et");
        text.Find("textarea").Input("Fractions et décimaux");
        Assert.Single(FocusCalls());
    }

    [Fact]
    public void LeavingTheFieldWhileItsMessageShows_DoesNotPullTheKeyboardBack()
    {
        var text = Render<InlineText>(p =>
            p.Add(t => t.Value, "Fractions")
                .Add(t => t.Label, "Contenu")
                .Add(t => t.OnSave, t => Task.FromResult<string?>(null))
                .Add(
                    t => t.Validation,
                    t => Task.FromResult<IEnumerable<string>>(t == "" ? ["Texte obligatoire."] : [])
                )
        );
        text.Find(".enoe-inline-text").Click();
        text.Find("textarea").Input("");
        var focusedBefore = FocusCalls().Count();
        text.Find("textarea").Blur();
        Assert.Contains("Texte obligatoire.", text.Markup); // still open, with its message
        Assert.Equal(focusedBefore, FocusCalls().Count());
    }

    private IEnumerable<JSRuntimeInvocation> FocusCalls() =>
        JSInterop.Invocations.Where(i => i.Identifier == "Blazor._internal.domWrapper.focus");

    private string? LastFocused() =>
        ((Microsoft.AspNetCore.Components.ElementReference)FocusCalls().Last().Arguments[0]!).Id;
}
