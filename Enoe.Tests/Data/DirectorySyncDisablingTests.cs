using Enoe.Data.Directory;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Enoe.Tests.Support.SmallDirectory;

namespace Enoe.Tests.Data;

/// <summary>People who leave are cut off and scheduled for deletion; local accounts are never touched.</summary>
public sealed class DirectorySyncDisablingTests
{
    private static readonly TimeSpan Delay = new DirectoryOptions().DeletionDelay;

    [Fact]
    public async Task APersonGoneFromTheDirectory_IsDisabledAndScheduled_ThenEnabledAgainWhenBack()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        var before = await h.PersonAsync("v1");
        var entry = h.Directory.Remove("v1");

        var report = await h.RunAsync();

        var now = h.Database.Clock.GetUtcNow().UtcDateTime;
        var v1 = await h.PersonAsync("v1");
        Assert.Equal((now, now + Delay), (v1.DisabledAt, v1.DeletionDueAt));
        Assert.NotEqual(before.SecurityStamp, v1.SecurityStamp); // open sessions end at their next check
        Assert.Equal((16, 1, 1), (report.Entries.Read, report.Entries.Gone, report.RowsWritten));
        Assert.Equal(1, report.Schools.Single(s => s.Uai == UaiA).Gone);
        var gone = Assert.Single(report.Changes, c => c.Kind == DirectoryChangeKind.Gone);
        Assert.Equal("Prénom V1 (prenom.v1)", gone.Who);
        Assert.All(report.Schools, s => Assert.True(s.AddsUp, s.Uai));
        // Already disabled: the next run leaves it as it is.
        Assert.Equal(0, (await h.RunAsync()).RowsWritten);

        h.Directory.People.Add(entry);
        var back = await h.RunAsync();

        v1 = await h.PersonAsync("v1");
        Assert.Equal((null, null), (v1.DisabledAt, v1.DeletionDueAt));
        Assert.Equal(1, back.Entries.Updated);
        Assert.Contains("compte réactivé", Assert.Single(back.Changes, c => c.Who == gone.Who).Detail);
    }

    [Fact]
    public async Task APersonTheDirectoryDates_IsDisabledAndScheduled_AndCountedDisabled()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        var before = await h.PersonAsync("d1");
        h.Directory.Change("d1", d => d with { DeletionDate = "31/12/2026" });

        var report = await h.RunAsync();

        var now = h.Database.Clock.GetUtcNow().UtcDateTime;
        var d1 = await h.PersonAsync("d1");
        Assert.Equal((now, now + Delay), (d1.DisabledAt, d1.DeletionDueAt));
        Assert.NotEqual(before.SecurityStamp, d1.SecurityStamp);
        Assert.Equal((1, 0, 1), (report.Entries.Disabled, report.Entries.Gone, report.RowsWritten));
        Assert.Equal(1, report.Schools.Single(s => s.Uai == UaiA).Disabled);
        Assert.All(report.Schools, s => Assert.True(s.AddsUp, s.Uai));
        Assert.Equal(DirectoryChangeKind.Disabled, Assert.Single(report.Changes, c => c.Who.Contains("D1")).Kind);

        h.Directory.Change("d1", d => d with { DeletionDate = null });
        await h.RunAsync();
        Assert.Null((await h.PersonAsync("d1")).DisabledAt);
    }

    [Fact]
    public async Task LocalAccounts_AreNeverTouched_WhateverTheDirectorySays()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        h.Directory.People.Clear(); // everybody left

        var report = await h.RunAsync();

        Assert.Equal(9, report.Entries.Gone);
        await using var db = h.Database.NewContext();
        var local = await db.Users.AsNoTracking().SingleAsync(p => p.Id == h.LocalAdminId);
        Assert.Equal(
            ("local-stamp", "local-concurrency", null, null, LocalLogin),
            (local.SecurityStamp, local.ConcurrencyStamp, local.DisabledAt, local.DeletionDueAt, local.UserName)
        );
        Assert.Equal(9, await db.Users.CountAsync(p => p.DisabledAt != null));
    }

    [Fact]
    public async Task ADirectoryThatFailsAfterItsFirstPage_LeavesAnIncompleteReport_AndNobodyGone()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        h.Directory.Remove("v1");
        h.Directory.FailAfterPages = 1;

        var report = await h.RunAsync();

        Assert.False(report.Completed);
        Assert.Contains("connection lost", report.Failure);
        Assert.Contains("FAILED", report.Summary);
        Assert.Equal(0, report.Entries.Gone);
        Assert.Null((await h.PersonAsync("v1")).DisabledAt);
        await using var db = h.Database.NewContext();
        Assert.Equal(0, await db.Users.CountAsync(p => p.DisabledAt != null));
        Assert.Equal(1, await db.Set<DirectorySyncRun>().CountAsync()); // only completed runs are kept
    }

    [Fact]
    public async Task WithNoDirectoryConfigured_ARunFails_AsWithAnUnreachableDirectory()
    {
        await using var unconfigured = await TestDatabase.CreateAsync();

        var report = await unconfigured.Get<DirectorySync>().RunAsync(dryRun: false);

        Assert.False(report.Completed);
        Assert.Equal(Enoe.Data.Directory.Ldap.LdapMessages.NotConfigured, report.Failure);
    }
}
