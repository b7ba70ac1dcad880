//! The page profile in use, shared by the live lint and the clock: the shipped one, or the
//! shipped one with an override over it (taught on this page, or imported from a team's
//! file). Replaced as a whole when the override changes; each reader takes the current one
//! for the length of its work, so a scan never mixes two profiles.

use std::cell::RefCell;
use std::rc::Rc;

use crate::page_profile::PageProfile;

#[derive(Clone)]
pub struct ActiveProfile(Rc<RefCell<Rc<PageProfile>>>);

impl ActiveProfile {
    pub fn new(profile: PageProfile) -> ActiveProfile {
        ActiveProfile(Rc::new(RefCell::new(Rc::new(profile))))
    }

    /// The profile in use now.
    pub fn get(&self) -> Rc<PageProfile> {
        self.0.try_borrow().map(|profile| Rc::clone(&profile)).unwrap_or_else(|_| Rc::new(PageProfile::default()))
    }

    pub fn replace(&self, profile: PageProfile) {
        if let Ok(mut slot) = self.0.try_borrow_mut() {
            *slot = Rc::new(profile);
        }
    }
}
