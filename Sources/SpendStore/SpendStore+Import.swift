import SpendModel

/// Why a streamed import stored nothing.
public enum StreamedImportFailure<Source: Error>: Error {
  /// The producer of the cells failed (a bill could not be read, …).
  case source(Source)
  /// The store refused or failed.
  case store(StoreError)
}

extension SpendStore {
  /// The money columns of `cell` and `daily`, in table order.
  static let costColumns = """
    unblended_whole, unblended_fraction, amortized_whole, amortized_fraction, \
    net_unblended_whole, net_unblended_fraction, net_amortized_whole, net_amortized_fraction
    """

  // MARK: - Import

  /// Stores a batch in one transaction: each of its billing periods replaces the stored one
  /// (or is added), and its files join the import registry.
  ///
  /// Either all of the batch is stored or, when anything fails, none of it: the store is left
  /// exactly as it was. Readers see the old store until the commit.
  ///
  /// - Parameters:
  ///   - batch: the cells of every file and their records.
  ///   - progress: told where the write is (called on the caller's task).
  /// - Returns: which periods were replaced and which added.
  /// - Throws: `StoreError`; the store is unchanged.
  @discardableResult
  public func importBatch(
    _ batch: ImportBatch, progress: (StoreProgress) -> Void = { _ in }
  ) throws(StoreError) -> ImportOutcome {
    do {
      return try importStreaming(progress: progress) { (writer) throws(StoreError) -> [ImportedFile] in
        try writer.declare(batch.files.flatMap(\.billingPeriods))
        for part in batch.parts { try writer.add(part) }
        return batch.files
      }
    } catch {
      switch error {
      case .source(let failure): throw failure
      case .store(let failure): throw failure
      }
    }
  }

  /// Stores cells as `produce` hands them over, all in one transaction: each file's cells go into
  /// the open transaction as soon as they arrive, so memory holds one file's cells at a time.
  ///
  /// The periods of each part (and those declared) replace the stored ones or are added; parts of
  /// one batch that hold the same cell are summed. `produce` returns the files' registry records.
  /// When `produce` or the store fails, the transaction is rolled back: the store is unchanged.
  ///
  /// - Parameters:
  ///   - progress: told where the write is (called on the caller's task).
  ///   - produce: writes every part through the writer, on the caller's task, and returns the
  ///     records of the files read.
  /// - Returns: which periods were replaced and which added.
  public func importStreaming<Failure: Error>(
    progress: (StoreProgress) -> Void = { _ in },
    _ produce: (ImportWriter) throws(Failure) -> [ImportedFile]
  ) throws(StreamedImportFailure<Failure>) -> ImportOutcome {
    do {
      try connection.execute("BEGIN IMMEDIATE")
    } catch {
      throw .store(error)
    }
    let result = withoutActuallyEscaping(progress) { progress in
      streamInTransaction(progress: progress, produce)
    }
    switch result {
    case .success(let outcome):
      do {
        try connection.execute("COMMIT")
      } catch {
        rollBack()
        throw .store(error)
      }
      progress(.committed)
      return outcome
    case .failure(let error):
      rollBack()
      throw error
    }
  }

  /// The body of `importStreaming` inside the open transaction; the caller commits or rolls back.
  private func streamInTransaction<Failure: Error>(
    progress: @escaping (StoreProgress) -> Void, _ produce: (ImportWriter) throws(Failure) -> [ImportedFile]
  ) -> Result<ImportOutcome, StreamedImportFailure<Failure>> {
    let writer: ImportWriter
    do {
      try connection.run("INSERT INTO batch (imported_at) VALUES (?)", [.integer(clock.now())])
      writer = try ImportWriter(
        connection: connection, batch: connection.lastInsertRowID, progress: progress)
    } catch {
      return .failure(.store(error))
    }
    progress(.began)
    let files: [ImportedFile]
    do {
      files = try produce(writer)
    } catch {
      return .failure(.source(error))
    }
    do {
      let outcome = try writer.finish(registering: files)
      progress(.committing)
      return .success(outcome)
    } catch {
      return .failure(.store(error))
    }
  }

  private func rollBack() {
    if connection.isInTransaction { try? connection.execute("ROLLBACK") }
  }
}
