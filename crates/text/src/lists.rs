/// Many short `u32` lists (word ids, 3-gram hashes) in one buffer, in compressed-row form.
///
/// Stages keep one list per article or per paragraph for a whole corpus. A `Vec` each costs a
/// 24-byte header and an allocation, and lists built chunk by chunk next to short-lived buffers
/// fragment the heap; one table costs two allocations and no fragmentation.
///
/// # Example
/// ```
/// use wiretrace_text::ListTable;
/// let mut t = ListTable::default();
/// t.push([3, 5, 8]);
/// t.push([]);
/// t.push([1]);
/// assert_eq!(t.len(), 3);
/// assert_eq!(t.get(0), [3, 5, 8]);
/// assert!(t.get(1).is_empty());
/// assert_eq!(t.iter().map(|l| l.len()).collect::<Vec<_>>(), [3, 0, 1]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListTable {
    ends: Vec<usize>,
    items: Vec<u32>,
}

impl ListTable {
    /// Appends a list; it gets the next index.
    pub fn push(&mut self, list: impl IntoIterator<Item = u32>) {
        self.items.extend(list);
        self.ends.push(self.items.len());
    }

    /// The list at index `i`.
    ///
    /// # Panics
    /// When `i >= self.len()`.
    pub fn get(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.items[start..self.ends[i]]
    }

    /// Number of lists.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the table holds no list.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The lists in index order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Total number of items over all lists.
    pub fn total(&self) -> usize {
        self.items.len()
    }

    /// Gives back the spare capacity of the buffers (once the table is complete).
    pub fn shrink_to_fit(&mut self) {
        self.ends.shrink_to_fit();
        self.items.shrink_to_fit();
    }
}
