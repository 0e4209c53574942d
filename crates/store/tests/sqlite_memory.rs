//! SQLite takes its memory from the program's allocator once `sqlite_memory::install` has run
//! (its own test binary: it must run before any SQLite connection in the process opens).

use convene_store::sea_orm::{ConnectionTrait, Database, Statement};
use convene_store::sqlite_memory;

#[tokio::test]
async fn sqlite_allocates_through_the_installed_allocator() {
    assert!(sqlite_memory::install(), "SQLite refused the allocator");
    let before = sqlite_memory::blocks_taken();
    let db = Database::connect("sqlite::memory:").await.unwrap();
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_string(backend, "CREATE TABLE t (v TEXT)"))
        .await
        .unwrap();
    for i in 0..200 {
        db.execute_raw(Statement::from_string(
            backend,
            format!("INSERT INTO t VALUES ('{}')", "x".repeat(i * 37)),
        ))
        .await
        .unwrap();
    }
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT v FROM t ORDER BY length(v) DESC",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 200);
    let longest: String = rows[0].try_get("", "v").unwrap();
    assert_eq!(
        longest.len(),
        199 * 37,
        "what was stored is read back whole"
    );
    assert!(
        sqlite_memory::blocks_taken() > before + 200,
        "SQLite did not take its memory from the installed allocator"
    );
    // once SQLite is running it refuses a new allocator, and says so
    assert!(!sqlite_memory::install());
}
