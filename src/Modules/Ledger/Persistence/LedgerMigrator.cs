using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Ledger.Persistence;

internal sealed class LedgerMigrator(LedgerDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, LedgerDbContext.Module);
