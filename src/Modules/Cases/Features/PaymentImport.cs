using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Features;

internal sealed record PaymentImportResult(int Matched, int AlreadyImported, long TotalFen);

/// <summary>
/// Payment confirmations from a bank statement file (罚缴分离, APL-67): CSV with the columns
/// 交易流水号, 缴款编号, 金额（元）, 缴款日期. Every line is checked first; one bad line imports nothing and the
/// error names the line. A line already imported by this agency (same transaction ID) is skipped, so a file can be
/// re-sent; another agency's transaction IDs are its own (unique per agency). Only heads and finance staff import.
/// </summary>
internal sealed class PaymentImport(CasesDbContext db, CaseCommands commands)
{
    private static readonly string[] Header = ["交易流水号", "缴款编号", "金额（元）", "缴款日期"];

    /// <summary>The largest bank file and the most lines it may have (issue 15: no import reads without a bound).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxLines = 20_000;

    public async Task<PaymentImportResult> ImportAsync(AccessScope scope, Stream csv, CancellationToken ct)
    {
        if (!scope.IsInRole(Roles.Head) && !scope.IsInRole(Roles.Finance))
        {
            throw new ForbiddenException("只有负责人或财务人员才能导入银行缴款记录");
        }

        var lines = await ParseAsync(csv, ct);
        var ctx = commands.Context(scope);
        var ids = lines.Select(l => l.Txn).ToList();
        var known = (await db.BankTransactions.AsNoTracking().Where(t => t.AgencyId == scope.AgencyId && ids.Contains(t.TransactionId)).Select(t => t.TransactionId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = lines.Where(l => !known.Contains(l.Txn)).ToList();
        var refs = fresh.Select(l => l.Reference).Distinct().ToList();
        var cases = await db.Cases.Where(c => c.AgencyId == scope.AgencyId && c.Stage == CaseStage.Served).ToListAsync(ct);
        var byRef = cases.Where(c => c.Details.Payment is not null).ToDictionary(c => c.Details.Payment!.Reference, StringComparer.Ordinal);
        var errors = new Check();
        foreach (var l in fresh)
        {
            if (!byRef.TryGetValue(l.Reference, out var c))
            {
                errors.Add($"第{l.No}行", "APL-67", $"第{l.No}行：缴款编号“{l.Reference}”不是本机关待缴款案件的编号");
                continue;
            }

            try
            {
                c.RecordBankPayment(l.Txn, l.AmountFen, l.PaidOn, ctx);
                db.BankTransactions.Add(new BankTransaction { TransactionId = l.Txn, Reference = l.Reference, AmountFen = l.AmountFen, PaidOn = l.PaidOn, CaseId = c.Id, AgencyId = c.AgencyId, ImportedAt = ctx.Now, ImportedBy = scope.ActorId });
            }
            catch (DomainRuleException e)
            {
                errors.Add($"第{l.No}行", e.RuleId, $"第{l.No}行：{e.Message}");
            }
        }

        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new PaymentImportResult(fresh.Count, lines.Count - fresh.Count, fresh.Sum(l => l.AmountFen));
    }

    private sealed record Line(int No, string Txn, string Reference, long AmountFen, DateOnly PaidOn);

    private static async Task<List<Line>> ParseAsync(Stream csv, CancellationToken ct)
    {
        using var text = new StreamReader(csv, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var content = await text.ReadToEndAsync(ct);
        using var reader = CsvReader.FromText(content, new CsvReaderOptions { Separator = ',', HasHeader = false, SkipEmptyLines = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw });
        var check = new Check();
        var lines = new List<Line>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        while (reader.Read())
        {
            var r = new string[reader.FieldCount];
            for (var i = 0; i < r.Length; i++)
            {
                r[i] = reader.GetString(i).Trim();
            }

            if (first)
            {
                first = false;
                if (!r.SequenceEqual(Header))
                {
                    throw new DomainRuleException("INPUT-FORMAT", $"文件第1行须为列名：{string.Join("，", Header)}", "File");
                }

                continue;
            }

            var n = (int)reader.LineNumber;
            if (lines.Count + check.Errors.Count >= MaxLines)
            {
                throw new DomainRuleException("INPUT-FORMAT", $"文件超过 {MaxLines} 行的上限，请拆分后分批导入", "File");
            }

            if (r.Length != 4)
            {
                check.Add($"第{n}行", "INPUT-FORMAT", $"第{n}行：须有4列");
                continue;
            }

            var txn = r[0];
            var ok = decimal.TryParse(r[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) && yuan > 0 && yuan < 1_000_000_000 && decimal.Round(yuan, 2) == yuan;
            var dateOk = DateOnly.TryParseExact(r[3], ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var paid);
            check.That(txn.Length is > 0 and <= 60, $"第{n}行", "INPUT-FORMAT", $"第{n}行：交易流水号为空或过长")
                .That(seen.Add(txn), $"第{n}行", "INPUT-DUPLICATE", $"第{n}行：交易流水号在文件中重复")
                .That(r[1].Length is > 0 and <= 40, $"第{n}行", "INPUT-FORMAT", $"第{n}行：缴款编号为空或过长")
                .That(ok, $"第{n}行", "INPUT-FORMAT", $"第{n}行：金额须为大于零的数字（最多两位小数）")
                .That(dateOk, $"第{n}行", "INPUT-FORMAT", $"第{n}行：缴款日期格式须为 yyyy-MM-dd");
            if (ok && dateOk && txn.Length is > 0 and <= 60)
            {
                lines.Add(new Line(n, txn, r[1], (long)(yuan * 100), paid));
            }
        }

        if (first)
        {
            throw new DomainRuleException("INPUT-REQUIRED", "文件为空", "File");
        }

        check.That(lines.Count > 0 || check.Errors.Count > 0, "File", "INPUT-REQUIRED", "文件中没有缴款记录").ThrowIfAny();
        return lines;
    }
}
