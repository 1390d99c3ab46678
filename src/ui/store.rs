//! The page's state and the one way to change it: an action goes through `reduce`, the next
//! state is kept and the page drawn again, and the effects the reducer asked for are run at
//! the edge (`ui::edge`), which sends the actions their outcomes bring.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

use super::state::{reduce, Action, Effect, State};

/// What runs the effects the reducer asks for (`ui::edge::Edge` in the page).
pub trait RunsEffects {
    fn run(&self, effect: Effect);
    /// The page is closing: whatever is waiting to be kept is written now.
    fn page_closing(&self);
}

/// Sends actions to the page's state. Cheap to clone; all clones are the one store.
#[derive(Clone)]
pub struct Dispatch(Rc<Store>);

struct Store {
    state: RefCell<Rc<State>>,
    /// Draws the page again: set by the page each time it is drawn.
    redraw: RefCell<Option<Callback<()>>>,
    edge: RefCell<Option<Rc<dyn RunsEffects>>>,
}

impl PartialEq for Dispatch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Dispatch {
    /// A store holding `state`, whose effects `edge` runs.
    pub fn new<E: RunsEffects + 'static>(state: State, edge: impl FnOnce(Dispatch) -> E) -> Dispatch {
        let dispatch = Dispatch(Rc::new(Store {
            state: RefCell::new(Rc::new(state)),
            redraw: RefCell::new(None),
            edge: RefCell::new(None),
        }));
        *dispatch.0.edge.borrow_mut() = Some(Rc::new(edge(dispatch.clone())));
        dispatch
    }

    /// The state now.
    pub fn state(&self) -> Rc<State> {
        self.0.state.borrow().clone()
    }

    pub fn set_redraw(&self, redraw: Callback<()>) {
        *self.0.redraw.borrow_mut() = Some(redraw);
    }

    /// Reduces an action: the state is replaced, the page drawn again, and each effect run.
    pub fn send(&self, action: Action) {
        let current = self.state();
        let (next, effects) = reduce(&current, action);
        *self.0.state.borrow_mut() = Rc::new(next);
        if let Some(redraw) = self.0.redraw.borrow().clone() {
            redraw.emit(());
        }
        self.run(effects);
    }

    /// Runs effects at the edge (those of the page's first state, and each action's).
    pub fn run(&self, effects: Vec<Effect>) {
        let edge = self.0.edge.borrow().clone();
        if let Some(edge) = edge {
            for effect in effects {
                edge.run(effect);
            }
        }
    }

    /// A callback sending the action `make` builds from its value. A function rather than any
    /// closure: the page has dozens of these, and each kind of closure would be code of its own.
    pub fn to<T: 'static>(&self, make: fn(T) -> Action) -> Callback<T> {
        let dispatch = self.clone();
        Callback::from(move |value| dispatch.send(make(value)))
    }

    /// A callback sending one action, whatever its event.
    pub fn on<E: 'static>(&self, make: fn() -> Action) -> Callback<E> {
        let dispatch = self.clone();
        Callback::from(move |_| dispatch.send(make()))
    }
}

impl Dispatch {
    /// The page is closing: the draft waiting to be kept is written now.
    pub fn page_closing(&self) {
        let edge = self.0.edge.borrow().clone();
        if let Some(edge) = edge {
            edge.page_closing();
        }
    }
}

/// A value shared by the page and a component, equal only to itself: components compare
/// their properties on every render, and these are compared by where they are, not field by
/// field.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
