using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>A name starting with <c>=HYPERLINK(…)</c> reached the spreadsheet as a live formula.</summary>
public sealed partial class GradeServiceTests
{
    [Fact]
    public async Task TheCsvExport_NeutralisesANameOrTitleASpreadsheetWouldRun()
    {
        await using (var db = _database.NewContext())
            await db
                .Users.Where(p => p.Id == _f.StudentA.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.LastName, "=HYPERLINK(\"http://x\",\"y\")"));
        var id = await NewMathsAssessmentAsync("@SOMME(A1)");

        var csv = (await Grades.CsvAsync(As(_f.TeacherA), id)).Value.Csv;

        Assert.Contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";StudentA;", csv);
        Assert.Contains(";'@SOMME(A1) (16/11/2026) /20 coef. 1;", csv);
    }
}
