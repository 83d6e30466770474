using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;

namespace Platform.Web.Tests.Admin;

public sealed class UserFormsTests : PortalTestContext
{
    [Fact]
    public void A_new_user_needs_a_valid_name_a_long_password_and_a_role_before_it_is_sent()
    {
        NewUserForm? sent = null;
        var form = Render<NewUser>(p => p.Add(x => x.Create, f => { sent = f; return Task.FromResult(true); }));
        form.Find("#new-user-name").Change("ana smith");
        form.Find("#new-user-password").Change("short");

        form.Find("form").Submit();

        Assert.Null(sent);
        Assert.Contains("Use letters, digits", form.Markup);
        Assert.Contains("at least 12 characters", form.Markup);
        Assert.Contains("Pick at least one role.", form.Markup);
    }

    [Fact]
    public void A_valid_new_user_is_sent_with_the_ticked_roles_and_the_form_is_cleared()
    {
        NewUserForm? sent = null;
        var form = Render<NewUser>(p => p.Add(x => x.Create, f => { sent = f; return Task.FromResult(true); }));
        form.Find("#new-user-name").Change("ana");
        form.Find("#new-user-password").Change("a-long-enough-password");
        Tick(form, "new-user-roles", "Admin");
        Tick(form, "new-user-roles", "Approver");

        form.Find("form").Submit();

        Assert.NotNull(sent);
        Assert.Equal(("ana", "a-long-enough-password"), (sent.UserName, sent.Password));
        Assert.Equal(["Approver", "Admin"], sent.Roles);
        Assert.Equal("", form.Find("#new-user-name").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Editing_roles_cannot_save_none_and_sends_the_new_roles_and_disabled_flag()
    {
        (List<string> Roles, bool Disabled)? saved = null;
        var user = new UserInfo(Guid.NewGuid(), "bob", ["Viewer"], false, DateTimeOffset.UnixEpoch);
        var editor = Render<UserEditor>(p => p.Add(x => x.User, user).Add(x => x.OnSave, ((List<string> Roles, bool Disabled) c) => saved = c));
        var save = () => editor.FindAll("button").Single(b => b.TextContent.Trim() == "Save");

        Untick(editor, "edit-user-roles", "Viewer");
        editor.WaitForAssertion(() => Assert.True(save().HasAttribute("disabled")));
        Assert.Contains("Pick at least one role.", editor.Markup);
        Tick(editor, "edit-user-roles", "Operator");
        editor.Find("[data-testid=user-editor] .mud-switch input").Change(true);
        save().Click();

        editor.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(["Operator"], saved!.Value.Roles);
        Assert.True(saved.Value.Disabled);
    }

    [Fact]
    public void An_admin_editing_themselves_is_told_they_cannot_lock_themselves_out()
    {
        var me = new UserInfo(Guid.NewGuid(), "root", ["Admin"], false, DateTimeOffset.UnixEpoch);

        var editor = Render<UserEditor>(p => p.Add(x => x.User, me).Add(x => x.IsSelf, true));

        Assert.Contains("you cannot remove your own Admin role", editor.Markup);
    }

    private static void Tick<T>(IRenderedComponent<T> cut, string testId, string label) where T : Microsoft.AspNetCore.Components.IComponent => Set(cut, testId, label, true);

    private static void Untick<T>(IRenderedComponent<T> cut, string testId, string label) where T : Microsoft.AspNetCore.Components.IComponent => Set(cut, testId, label, false);

    private static void Set<T>(IRenderedComponent<T> cut, string testId, string label, bool on) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll($"[data-testid={testId}] label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.Change(on);
}
