using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Host.Auth;

/// <summary>Users, roles, sign-in events and API keys (tables auth_*), owned by the host.</summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options)
    : IdentityDbContext<SanxiangUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();

    public DbSet<ApiClientKey> ApiKeys => Set<ApiClientKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        InstantStorage.Configure(configurationBuilder, Database);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<SanxiangUser>(b =>
        {
            b.ToTable("auth_users");
            b.Property(u => u.DisplayName).HasMaxLength(50);
            b.HasIndex(u => u.AgencyId);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("auth_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("auth_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("auth_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("auth_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("auth_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("auth_role_claims");
        builder.Entity<SignInEvent>(b =>
        {
            b.ToTable("auth_sign_in_events");
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.RemoteAddress).HasMaxLength(64);
            b.Property(e => e.Outcome).HasMaxLength(32);
            b.HasIndex(e => e.At);
        });
        builder.Entity<ApiClientKey>(b =>
        {
            b.ToTable("auth_api_keys");
            b.Property(k => k.Id).ValueGeneratedNever();
            b.Property(k => k.Name).HasMaxLength(100);
            b.Property(k => k.Prefix).HasMaxLength(16);
            b.Property(k => k.SecretHash).HasMaxLength(64);
            b.HasIndex(k => k.Prefix).IsUnique();
        });
    }

}
